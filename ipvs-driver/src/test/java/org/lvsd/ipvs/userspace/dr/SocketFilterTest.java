package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written programs against libpcap's compilation of the same expressions (tcpdump 4.99, -dd). */
class SocketFilterTest {
    /** {@code tcpdump -dd '(ip and (tcp or udp)) or (ip6 and (ip6[6] = 6 or ip6[6] = 17))'} (Ethernet). */
    private static final String TCP_OR_UDP = """
            { 0x28, 0, 0, 0x0000000c },
            { 0x15, 0, 2, 0x00000800 },
            { 0x30, 0, 0, 0x00000017 },
            { 0x15, 4, 3, 0x00000006 },
            { 0x15, 0, 4, 0x000086dd },
            { 0x30, 0, 0, 0x00000014 },
            { 0x15, 1, 0, 0x00000006 },
            { 0x15, 0, 1, 0x00000011 },
            { 0x6, 0, 0, 0x00040000 },
            { 0x6, 0, 0, 0x00000000 },
            """;
    /** {@code tcpdump -dd 'ip6[6] = 41'}: IPv6 in IPv6 without extension headers. */
    private static final String IP6IP6 = """
            { 0x28, 0, 0, 0x0000000c },
            { 0x15, 0, 3, 0x000086dd },
            { 0x30, 0, 0, 0x00000014 },
            { 0x15, 0, 1, 0x00000029 },
            { 0x6, 0, 0, 0x00040000 },
            { 0x6, 0, 0, 0x00000000 },
            """;
    /** {@code tcpdump -dd 'ip proto 4'}. */
    private static final String IPIP = """
            { 0x28, 0, 0, 0x0000000c },
            { 0x15, 0, 3, 0x00000800 },
            { 0x30, 0, 0, 0x00000017 },
            { 0x15, 0, 1, 0x00000004 },
            { 0x6, 0, 0, 0x00040000 },
            { 0x6, 0, 0, 0x00000000 },
            """;

    private static List<String> parse(String dd) {
        Matcher m = Pattern.compile("\\{ 0x(\\p{XDigit}+), (\\d+), (\\d+), 0x(\\p{XDigit}+) \\},").matcher(dd);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(Integer.parseInt(m.group(1), 16) + "," + m.group(2) + "," + m.group(3) + ","
                    + Long.parseLong(m.group(4), 16));
        }
        return out;
    }

    private static List<String> of(SocketFilter f) {
        return f.instructions().stream().map(i -> i[0] + "," + i[1] + "," + i[2] + "," + (i[3] & 0xffffffffL)).toList();
    }

    @Test
    void programsAreLibpcapsForTheSameExpressions() {
        assertEquals(parse(TCP_OR_UDP), of(SocketFilter.TCP_OR_UDP));
        assertEquals(10, parse(TCP_OR_UDP).size());
        assertEquals(parse(IP6IP6), of(SocketFilter.ipv6NextHeader(41)));
        assertThrows(IllegalArgumentException.class, () -> SocketFilter.ipv6NextHeader(-1));
        assertEquals(parse(IPIP), of(SocketFilter.ipv4Protocol(4)));
        assertEquals(List.of("6,0,0,0"), of(SocketFilter.NOTHING));
        assertThrows(IllegalArgumentException.class, () -> SocketFilter.ipv4Protocol(256));
    }

    @Test
    void bytesAreStructSockFilterInTheMachinesOrder() {
        assumeTrue(ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN, "the golden bytes are little-endian");
        byte[] b = SocketFilter.TCP_OR_UDP.bytes();
        assertEquals(80, b.length);
        assertArrayEquals(new byte[] {0x28, 0, 0, 0, 0x0c, 0, 0, 0, 0x15, 0, 0, 2, 0, 8, 0, 0},
                java.util.Arrays.copyOf(b, 16));
        assertArrayEquals(new byte[] {0x15, 0, 0, 4, (byte) 0xdd, (byte) 0x86, 0, 0},
                java.util.Arrays.copyOfRange(b, 32, 40));
        assertArrayEquals(new byte[] {0x06, 0, 0, 0, 0, 0, 4, 0}, java.util.Arrays.copyOfRange(b, 64, 72));
    }
}
