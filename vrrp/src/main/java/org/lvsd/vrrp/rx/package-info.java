/**
 * The receive path of one instance: TTL and family checks, decoding, and the RFC 5798 §7.1
 * (RFC 3768 §7.1 for v2) receive checks (VRID, version, authentication, advert interval),
 * then hand-over to the state machine. Every rejection is counted by
 * {@link org.lvsd.vrrp.codec.RejectReason} and logged rate-limited per reason and sender, as
 * RFC 9568 §7.1 asks; a VIP-list mismatch only warns (keepalived since 2.3.3).
 */
package org.lvsd.vrrp.rx;
