/**
 * Unicast VRRP (keepalived.conf(5) {@code unicast_src_ip}, {@code unicast_peer}, {@code unicast_ttl}):
 * adverts as IP protocol 112 datagrams (RFC 5798 §5.1) on a raw socket (raw(7); ip(7) IP_TTL /
 * IP_TOS; ipv6(7) IPV6_UNICAST_HOPS, IPV6_RECVPKTINFO, IPV6_RECVHOPLIMIT), one per peer, with the
 * received source, destination and TTL handed to the receive checks (min/max TTL,
 * {@code check_unicast_src}). {@link org.lvsd.vrrp.unicast.UnicastActions} is the unicast sibling
 * of {@link org.lvsd.vrrp.io.FrameActions}.
 */
package org.lvsd.vrrp.unicast;
