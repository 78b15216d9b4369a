/**
 * Generic netlink: the {@code genlmsghdr} codec, the controller family {@code nlctrl}
 * ({@code CTRL_CMD_GETFAMILY} request and reply) and {@link org.lvsd.netlink.genl.GenlFamilies},
 * which resolves a family name (e.g. "IPVS") to its dynamic id and multicast groups.
 *
 * <p>Layouts follow {@code include/uapi/linux/genetlink.h}.
 *
 * @see <a href="https://docs.kernel.org/userspace-api/netlink/intro.html">Introduction to Netlink</a>
 */
package org.lvsd.netlink.genl;
