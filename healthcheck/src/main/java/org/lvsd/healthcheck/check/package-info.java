/**
 * The checkers, one class per keepalived checker type (keepalived.conf(5): TCP_CHECK,
 * HTTP_GET, SSL_GET, MISC_CHECK, SMTP_CHECK, DNS_CHECK, UDP_CHECK, PING_CHECK, FILE_CHECK),
 * on shared Netty event loops ({@link org.lvsd.healthcheck.check.CheckTransport}): no thread
 * per check, a bounded number of probes in flight, a deadline and a response-size cap on every probe.
 *
 * <p>Protocols: HTTP/1.0 and 1.1 requests as keepalived sends them (RFC 9110 semantics, RFC
 * 9112 message syntax; a url without digest or regex is judged on its status line alone,
 * RFC 9112 §4); SMTP greeting, HELO and QUIT (RFC 5321 §4.1, §4.2, §4.3.2); DNS queries over
 * UDP (RFC 1035 §4.1, RCODE 0 = NOERROR). Probe sockets take {@code bind_if} and
 * {@code fwmark} as SO_BINDTODEVICE and SO_MARK (socket(7)).
 *
 * <p>Cost per probe is kept flat for 10,000 real servers a second: on epoll, TCP_CHECK and a
 * plain HTTP_GET url (no TLS, digest, regex or source options) run on a bare socket without a
 * Netty channel ({@link org.lvsd.healthcheck.check.BareProbe}: three and five system calls a
 * probe), one of a pool that each loop keeps registered and reuses
 * ({@link org.lvsd.healthcheck.check.ProbeSocketPool}: a connect(2) to AF_UNSPEC dissolves the
 * last connection); other probes make their channel and register it directly (no Bootstrap);
 * one timer per probe (its deadline, which also bounds the connect); TCP_CHECK and the bare
 * probes end with a reset (no FIN exchange, no TIME_WAIT); requests are encoded once per
 * checker.
 *
 * <p>PING_CHECK sends ICMP echo requests (RFC 792, RFC 4443) through the transport's shared
 * {@link org.lvsd.healthcheck.icmp.Pinger}: one ICMP socket per address family, not Netty.
 */
package org.lvsd.healthcheck.check;
