/**
 * The parameters of one VRRP instance, independent of the configuration file: the controller
 * maps its keepalived.conf model onto {@link org.lvsd.vrrp.config.InstanceParams}. Defaults
 * and ranges follow RFC 5798 §5.2 and §6.1 (VRID, priority, Advertisement_Interval) and
 * keepalived's {@code vrrp_instance} keywords (reference §1.6, §2.10).
 */
package org.lvsd.vrrp.config;
