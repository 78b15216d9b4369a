/**
 * The netlink socket: {@code AF_NETLINK} through JNA ({@link org.lvsd.netlink.socket.JnaNetlinkChannel}),
 * and {@link org.lvsd.netlink.socket.NetlinkSocket}, which sends requests with sequence numbers and
 * collects their replies until ACK, error or {@code NLMSG_DONE}, pipelines batches, and receives
 * multicast notifications. Every receive is bounded by a timeout.
 *
 * <p>System calls: socket(2), bind(2), getsockname(2), setsockopt(2) with {@code SO_RCVBUF},
 * {@code SO_RCVBUFFORCE}, {@code NETLINK_EXT_ACK}, {@code NETLINK_CAP_ACK},
 * {@code NETLINK_ADD_MEMBERSHIP}, sendto(2), recvfrom(2), poll(2), setns(2). Constants from
 * {@code include/uapi/linux/netlink.h} and {@code asm-generic/socket.h}.
 *
 * @see <a href="https://man7.org/linux/man-pages/man7/netlink.7.html">netlink(7)</a>
 */
package org.lvsd.netlink.socket;
