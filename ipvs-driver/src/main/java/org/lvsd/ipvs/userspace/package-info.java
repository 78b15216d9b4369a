/**
 * The userspace forwarder: an {@link org.lvsd.ipvs.IpvsDriver} for hosts without kernel IPVS.
 *
 * <p>It keeps the table in an {@link org.lvsd.ipvs.table.InMemoryIpvsDriver} (scheduling,
 * persistence templates, thresholds, statistics) and serves the masquerading forwarding method of
 * ipvsadm(8) ({@code -m}) as a layer-4 proxy: TCP (RFC 793) and UDP (RFC 768) on the virtual
 * address and port, on Netty's epoll event loops (bare sockets for TCP, channels for UDP). By
 * default the connection to the real server leaves from the director's own address (full NAT); with
 * {@link org.lvsd.ipvs.userspace.ForwarderOptions#transparent()} it leaves from the client's
 * address (IP_TRANSPARENT, so replies must route back through the director), and it can announce
 * the client with a PROXY protocol header (haproxy's PROXY protocol specification, versions 1 and
 * 2) toward the server.
 *
 * <p>The gatewaying (direct routing, {@code -g}) and tunnelling ({@code -i}: IP in IP, RFC 2003,
 * for an IPv4 service; IPv6 in IPv6, RFC 2473, for an IPv6 one) methods are served by the packet
 * path of {@link org.lvsd.ipvs.userspace.dr}, for IPv4 and IPv6 alike; firewall-mark and SCTP
 * services are refused with EOPNOTSUPP.
 *
 * <p>Each event loop reads its thread's CPU clock (clock_gettime(2), CLOCK_THREAD_CPUTIME_ID)
 * before it waits for events: the counters report it, and the read lets the kernel's scheduler end
 * the loop's slice between two batches of events rather than inside one (see
 * {@link org.lvsd.ipvs.userspace.CpuTimedIoHandler}).
 */
package org.lvsd.ipvs.userspace;
