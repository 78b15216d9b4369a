/** What the controller's lab tests in several packages share: a child process's output lines. */
package org.lvsd.controller.testsupport;
