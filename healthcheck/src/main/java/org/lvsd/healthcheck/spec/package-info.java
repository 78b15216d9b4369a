/**
 * Immutable specifications of checkers, real servers and virtual-server pools.
 *
 * <p>These records mirror the checker blocks of keepalived.conf(5) ("virtual_server",
 * "real_server", TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK, SMTP_CHECK, DNS_CHECK, UDP_CHECK,
 * PING_CHECK, FILE_CHECK) after inheritance has been resolved: every value here is final,
 * defaults are applied by the controller when it maps its config model. Record equality is the
 * reload contract: a checker whose spec {@code equals} the old one keeps its state.
 */
package org.lvsd.healthcheck.spec;
