package org.lvsd.healthcheck.icmp;

import com.sun.jna.LastErrorException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Options that keep a shared ICMP socket from dropping replies under load: a large receive
 * buffer (socket(7) {@code SO_RCVBUF}, {@code SO_RCVBUFFORCE} when privileged) and, on raw
 * sockets, a kernel filter that passes echo replies only (raw(7) {@code ICMP_FILTER}, RFC 3542
 * §3.2 {@code ICMP6_FILTER}); a raw socket otherwise queues every ICMP message of the host.
 */
final class SocketOptions {

    /** Room for about 8,000 queued replies. */
    static final int RECEIVE_BUFFER = 8 << 20;

    private SocketOptions() {
    }

    /** Best effort: without privilege the kernel caps {@code SO_RCVBUF} at rmem_max. */
    static void receiveBuffer(int fd) {
        byte[] size = ints(RECEIVE_BUFFER);
        try {
            IcmpLibC.INSTANCE.setsockopt(fd, IcmpLibC.SOL_SOCKET, IcmpLibC.SO_RCVBUFFORCE, size,
                    size.length);
        } catch (LastErrorException e) {
            IcmpLibC.INSTANCE.setsockopt(fd, IcmpLibC.SOL_SOCKET, IcmpLibC.SO_RCVBUF, size,
                    size.length);
        }
    }

    /** Lets only echo replies through a raw socket; a set bit blocks that type. */
    static void echoReplyFilter(int fd, IcmpFamily family) {
        if (family == IcmpFamily.INET) {
            byte[] mask = ints(~(1 << family.replyType()));
            IcmpLibC.INSTANCE.setsockopt(fd, IcmpLibC.SOL_RAW, IcmpLibC.ICMP_FILTER, mask,
                    mask.length);
        } else {
            int[] words = new int[8];
            Arrays.fill(words, -1);
            words[family.replyType() >> 5] &= ~(1 << (family.replyType() & 31));
            byte[] filter = ints(words);
            IcmpLibC.INSTANCE.setsockopt(fd, IcmpLibC.IPPROTO_ICMPV6, IcmpLibC.ICMP6_FILTER,
                    filter, filter.length);
        }
    }

    private static byte[] ints(int... values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.nativeOrder());
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }
}
