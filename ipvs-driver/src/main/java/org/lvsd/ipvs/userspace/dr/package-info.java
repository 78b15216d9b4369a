/**
 * The packet path of the userspace forwarder: direct routing (gatewaying, ipvsadm(8) {@code -g})
 * and IP-in-IP tunnelling ({@code -i}, RFC 2003). Ethernet frames carrying IPv4 (RFC 791) TCP
 * (RFC 793) or UDP (RFC 768) for a virtual service are taken from the director's interface; for
 * direct routing their destination MAC is set to the scheduled real server's and they are sent
 * out otherwise unchanged, for tunnelling the datagram is wrapped in an outer IPv4 header to the
 * server and sent to the route's next hop. The server, holding the VIP on a loopback or tunnel
 * interface, answers the client directly. Frames are read from a TPACKET_V2 ring of an AF_PACKET
 * socket (packet(7)), each with its virtio_net_hdr, and sent in batches with sendmmsg(2), behind
 * {@link org.lvsd.ipvs.userspace.dr.FramePort}; an nftables rule keeps the director's own stack
 * from answering the service.
 */
package org.lvsd.ipvs.userspace.dr;
