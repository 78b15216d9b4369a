/**
 * ICMP echo ("ping") for PING_CHECK: one shared ICMP socket per address family, a reader
 * thread per socket that matches echo replies to outstanding probes, and timeouts on an
 * injected scheduler. No thread and no socket per probe.
 *
 * <p>Messages: ICMP Echo / Echo Reply (RFC 792, type 8 / 0) and ICMPv6 Echo Request / Echo
 * Reply (RFC 4443 §4.1, §4.2, type 128 / 129), with the Internet checksum of RFC 1071.
 *
 * <p>Sockets (icmp(7), raw(7)): an unprivileged ICMP datagram socket
 * ({@code socket(AF_INET, SOCK_DGRAM, IPPROTO_ICMP)}, {@code AF_INET6} + {@code IPPROTO_ICMPV6})
 * when the caller's group lies in {@code net.ipv4.ping_group_range}; the kernel then sets the
 * identifier to the socket's bound "port" and delivers only replies carrying it. Otherwise a
 * raw socket ({@code SOCK_RAW}, needs {@code CAP_NET_RAW}), which sees every ICMP message of
 * its family (IPv4 ones with their IP header) and is filtered here by identifier. Every
 * reply must also come from the probed address and echo the probe's random payload.
 */
package org.lvsd.healthcheck.icmp;
