/**
 * The kernel IPVS driver: programs the Linux kernel's IPVS table over generic netlink (family
 * {@code "IPVS"}, version 1), as ipvsadm and keepalived's libipvs do.
 *
 * <p>{@link org.lvsd.ipvs.kernel.IpvsRequests} builds every request of the family and the
 * {@code *Codec} classes decode its replies; both are pure and follow the attribute layout of
 * {@code include/uapi/linux/ip_vs.h} and the policies and reply builders of
 * {@code net/netfilter/ipvs/ip_vs_ctl.c}. {@link org.lvsd.ipvs.kernel.KernelIpvsDriver} runs them on a
 * {@link org.lvsd.netlink.socket.NetlinkSocket}.
 *
 * <p>Byte order on the wire, per ip_vs_ctl.c: ports ({@code *_PORT} of services, destinations and
 * tunnels) and the IPv4 persistence netmask are big-endian; every other integer is in host order.
 * Addresses travel as 16 bytes ({@code union nf_inet_addr}), IPv4 in the first four.
 */
package org.lvsd.ipvs.kernel;
