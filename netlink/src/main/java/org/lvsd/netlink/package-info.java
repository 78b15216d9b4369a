/**
 * Pure netlink codec: the {@code nlmsghdr} message header and its {@code NLM_F_*} flags,
 * {@code nlattr} attributes (4-byte aligned, nested with {@code NLA_F_NESTED}),
 * {@code NLMSG_ERROR} / ACK / extended ACK ({@code NLMSGERR_ATTR_*}), {@code NLMSG_DONE},
 * and the Linux {@link org.lvsd.netlink.Errno} table. No I/O happens here.
 *
 * <p>Layouts follow {@code include/uapi/linux/netlink.h} and netlink(7). Integers are in the
 * host's byte order, as the kernel expects; attributes whose ABI is network order are read
 * with the {@code be16}/{@code be32} accessors.
 *
 * @see <a href="https://man7.org/linux/man-pages/man7/netlink.7.html">netlink(7)</a>
 */
package org.lvsd.netlink;
