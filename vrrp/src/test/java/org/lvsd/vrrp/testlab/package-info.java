/** Network namespaces for the module's root integration tests (ip-netns(8)). */
package org.lvsd.vrrp.testlab;
