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

    /**
     * {@code (ip and (tcp or udp)) or (ip6 and (ip6[6] = 6 or ip6[6] = 17))}: IPv4 carrying TCP or
     * UDP, and IPv6 whose fixed header's next header is TCP or UDP. libpcap's {@code ip6 and tcp}
     * would also pass a first fragment (next header 44, then TCP), which the packet path does not
     * forward ({@link Frame}); checking the next header byte alone keeps any IPv6 datagram with
     * extension headers away from the path, left to the director's stack. The IPv4 branch costs
     * the same instructions as {@code ip and (tcp or udp)} alone.
     */
    public static final SocketFilter TCP_OR_UDP = new SocketFilter(List.of(
            new int[] {LDH_ABS, 0, 0, 12},
            new int[] {JEQ_K, 0, 2, 0x0800},
            new int[] {LDB_ABS, 0, 0, 23},
            new int[] {JEQ_K, 4, 3, 6},
            new int[] {JEQ_K, 0, 4, 0x86dd},
            new int[] {LDB_ABS, 0, 0, 20},
            new int[] {JEQ_K, 1, 0, 6},
            new int[] {JEQ_K, 0, 1, 17},
            new int[] {RET_K, 0, 0, ACCEPT},
            new int[] {RET_K, 0, 0, 0}));

    /** Nothing: for a port that only sends. */
    public static final SocketFilter NOTHING = new SocketFilter(List.<int[]>of(new int[] {RET_K, 0, 0, 0}));

    /** {@code ip proto PROTOCOL}: IPv4 carrying {@code protocol} (0-255). */
    public static SocketFilter ipv4Protocol(int protocol) {
        return byteAfterEthertype(0x0800, 23, protocol, "IP protocol");
    }

    /** {@code ip6[6] = NEXT_HEADER}: IPv6 whose fixed header's next header is {@code nextHeader} (0-255). */
    public static SocketFilter ipv6NextHeader(int nextHeader) {
        return byteAfterEthertype(0x86dd, 20, nextHeader, "IPv6 next header");
    }

    /** Frames of {@code ethertype} whose byte at {@code at} is {@code value} (0-255, a {@code what}). */
    private static SocketFilter byteAfterEthertype(int ethertype, int at, int value, String what) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(what + " " + value + " is not 0-255");
        }
        return new SocketFilter(List.of(
                new int[] {LDH_ABS, 0, 0, 12},
                new int[] {JEQ_K, 0, 3, ethertype},
                new int[] {LDB_ABS, 0, 0, at},
                new int[] {JEQ_K, 0, 1, value},
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
