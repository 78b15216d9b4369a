package org.lvsd.netlink;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Alignment and byte-order helpers shared by the codecs ({@code NLMSG_ALIGN}, {@code NLA_ALIGN}). */
public final class Netlink {
    /** {@code NETLINK_ROUTE}: socket protocol of rtnetlink. */
    public static final int NETLINK_ROUTE = 0;
    /** {@code NETLINK_GENERIC}: socket protocol of generic netlink. */
    public static final int NETLINK_GENERIC = 16;
    /** Netlink integers are in the host's byte order. */
    public static final ByteOrder ORDER = ByteOrder.nativeOrder();

    private Netlink() {
    }

    /** Rounds up to the 4-byte netlink alignment ({@code NLMSG_ALIGNTO} = {@code NLA_ALIGNTO} = 4). */
    public static int align(int length) {
        return (length + 3) & ~3;
    }

    /** A buffer over {@code bytes} in host byte order. */
    public static ByteBuffer wrap(byte[] bytes) {
        return ByteBuffer.wrap(bytes).order(ORDER);
    }
}
