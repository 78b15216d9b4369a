/**
 * Pure builders of the Ethernet frames a VRRP router sends, so a packet transport only writes
 * bytes: advertisements inside IPv4 (RFC 791 header, TTL 255, protocol 112, RFC 5798 §5.1.1)
 * or IPv6 (RFC 8200 header, hop limit 255, next header 112, RFC 5798 §5.1.2) to 224.0.0.18 /
 * ff02::12 with the RFC 1112 §6.4 / RFC 2464 §7 multicast MACs; gratuitous ARP requests
 * (RFC 826 packet, RFC 5227 §3 announcement: sender and target IP = VIP, as RFC 5798 §6.4.1
 * asks); unsolicited neighbour advertisements (RFC 4861 §4.4, §7.2.6: Override flag, target
 * link-layer address option, to ff02::1 with hop limit 255).
 */
package org.lvsd.vrrp.wire;
