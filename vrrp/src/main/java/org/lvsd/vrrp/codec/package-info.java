/**
 * VRRP message codec: immutable {@link org.lvsd.vrrp.codec.VrrpAdvert} values, decoding and
 * encoding of version 2 (RFC 3768 §5) and version 3 (RFC 5798 §5) advertisements for IPv4
 * and IPv6, and the Internet checksum (RFC 1071) with the RFC 5798 §5.2.8 pseudo-header.
 *
 * <p>Pure code, no I/O. Every malformed message is refused with a
 * {@link org.lvsd.vrrp.codec.VrrpProtocolException} whose {@link org.lvsd.vrrp.codec.RejectReason}
 * feeds the per-reason rejection counters. RFC 3768 §5.3.6 authentication type 2 (IP
 * Authentication Header) is recognised and refused.
 */
package org.lvsd.vrrp.codec;
