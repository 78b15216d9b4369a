/**
 * The direct-routing (gatewaying, ipvsadm(8) {@code -g}) packet path of the userspace forwarder:
 * Ethernet frames carrying IPv4 (RFC 791) TCP (RFC 793) or UDP (RFC 768) for a virtual service
 * are taken from the director's interface, their destination MAC set to the scheduled real
 * server's, and sent out otherwise unchanged; the server, holding the VIP on a loopback interface,
 * answers the client directly. Frames are read and written through Pcap4J behind
 * {@link org.lvsd.ipvs.userspace.dr.FramePort}; an nftables rule keeps the director's own stack
 * from answering the service.
 */
package org.lvsd.ipvs.userspace.dr;
