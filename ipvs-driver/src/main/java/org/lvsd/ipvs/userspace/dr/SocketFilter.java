package org.lvsd.ipvs.userspace.dr;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * A classic BPF program (linux/filter.h {@code struct sock_filter}: 16-bit opcode, jump-if-true
 * and jump-if-false offsets, 32-bit constant) for SO_ATTACH_FILTER, so that the kernel hands the
 * packet socket only the frames it wants. The programs are the ones libpcap compiles for the
 * same expressions on Ethernet ({@code tcpdump -dd EXPR}); the golden test holds that output.
 *
 * @param instructions each {@code {code, jt, jf, k}}
 */
public record SocketFilter(List<int[]> instructions) {
    /** What a frame that passes keeps: up to 256 KiB, as libpcap's default snapshot length. */
    private static final int ACCEPT = 0x40000;
    private static final int LDH_ABS = 0x28;
    private static final int LDB_ABS = 0x30;
    private static final int JEQ_K = 0x15;
    private static final int RET_K = 0x06;

    /** {@code ip and (tcp or udp)}: IPv4 carrying TCP or UDP. */
    public static final SocketFilter IPV4_TCP_OR_UDP = new SocketFilter(List.of(
            new int[] {LDH_ABS, 0, 0, 12},
            new int[] {JEQ_K, 0, 4, 0x0800},
            new int[] {LDB_ABS, 0, 0, 23},
            new int[] {JEQ_K, 1, 0, 6},
            new int[] {JEQ_K, 0, 1, 17},
            new int[] {RET_K, 0, 0, ACCEPT},
            new int[] {RET_K, 0, 0, 0}));

    /** Nothing: for a port that only sends. */
    public static final SocketFilter NOTHING = new SocketFilter(List.<int[]>of(new int[] {RET_K, 0, 0, 0}));

    /** {@code ip proto PROTOCOL}: IPv4 carrying {@code protocol} (0-255). */
    public static SocketFilter ipv4Protocol(int protocol) {
        if (protocol < 0 || protocol > 255) {
            throw new IllegalArgumentException("IP protocol " + protocol + " is not 0-255");
        }
        return new SocketFilter(List.of(
                new int[] {LDH_ABS, 0, 0, 12},
                new int[] {JEQ_K, 0, 3, 0x0800},
                new int[] {LDB_ABS, 0, 0, 23},
                new int[] {JEQ_K, 0, 1, protocol},
                new int[] {RET_K, 0, 0, ACCEPT},
                new int[] {RET_K, 0, 0, 0}));
    }

    /** The instructions as the kernel reads them: 8 bytes each, in the machine's byte order. */
    public byte[] bytes() {
        ByteBuffer b = ByteBuffer.allocate(8 * instructions.size()).order(ByteOrder.nativeOrder());
        for (int[] i : instructions) {
            b.putShort((short) i[0]).put((byte) i[1]).put((byte) i[2]).putInt(i[3]);
        }
        return b.array();
    }
}
