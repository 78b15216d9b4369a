/**
 * The packet path of the userspace forwarder: direct routing (gatewaying, ipvsadm(8) {@code -g})
 * and tunnelling ({@code -i}). Ethernet frames carrying IPv4 (RFC 791) or IPv6 (RFC 8200, which
 * obsoletes RFC 2460) TCP (RFC 793) or UDP (RFC 768) for a virtual service are taken from the
 * director's interface; for direct routing their destination MAC is set to the scheduled real
 * server's (resolved by the kernel: ARP for IPv4, neighbor discovery, RFC 4861, for IPv6) and they
 * are sent out otherwise unchanged; for tunnelling an IPv4 datagram is wrapped in an outer IPv4
 * header (IP in IP, RFC 2003) and an IPv6 one in an outer IPv6 header (RFC 2473) to the server and
 * sent to the route's next hop, a datagram too big once wrapped being answered with ICMP
 * "fragmentation needed" (RFC 792, RFC 1191) or ICMPv6 Packet Too Big (RFC 4443). A TCP
 * super-segment (up to 64 KiB: the sender's TSO, or GRO on the director's interface) is routed
 * whole, the kernel splitting it on the way out, but split into the sender's segments (TCP fields
 * per RFC 9293) before it is tunnelled; UDP segmentation offload is not supported for tunnelling
 * (such frames are dropped and counted). The server,
 * holding the VIP on a loopback or tunnel interface, answers the client directly. IPv6 extension
 * headers are not followed: a datagram carrying any (a fragment among them) is not forwarded and
 * is left to the director's stack, whose nftables rule for the service drops it. Frames are read
 * from a TPACKET_V2 ring of an AF_PACKET socket (packet(7)), each with its virtio_net_hdr, and sent
 * in batches with sendmmsg(2), behind {@link org.lvsd.ipvs.userspace.dr.FramePort}; an nftables
 * rule keeps the director's own stack from answering the service.
 */
package org.lvsd.ipvs.userspace.dr;
