package org.lvsd.ipvs.userspace;

import java.net.Inet4Address;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.lvsd.ipvs.AddressText;

/**
 * Encodes the PROXY protocol header (haproxy's "The PROXY protocol", versions 1 and 2) for a TCP
 * connection from {@code source} (the client) to {@code destination} (the virtual service). Both
 * addresses must be of one family. Pure: no I/O.
 */
public final class ProxyHeader {
    /** Section 2.2: the 12-byte signature of a version 2 header. */
    private static final byte[] V2_SIGNATURE = {
        0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A
    };
    /** Version 2 (high nibble), command PROXY (low nibble 1). */
    private static final byte V2_PROXY = 0x21;
    /** AF_INET (0x1 high nibble) over STREAM (0x1), and AF_INET6 (0x2) over STREAM. */
    private static final byte TCP4 = 0x11;
    private static final byte TCP6 = 0x21;

    private ProxyHeader() {
    }

    /** The header of {@code version}; empty for {@link ProxyProtocol#NONE}. */
    public static byte[] encode(ProxyProtocol version, InetSocketAddress source, InetSocketAddress destination) {
        return switch (version) {
            case NONE -> new byte[0];
            case V1 -> v1(source, destination);
            case V2 -> v2(source, destination);
        };
    }

    /**
     * Section 2.1: "PROXY TCP4|TCP6 src dst sport dport\r\n", addresses in their usual text form
     * (IPv6 compressed as inet_ntop prints it, without brackets).
     */
    public static byte[] v1(InetSocketAddress source, InetSocketAddress destination) {
        boolean v4 = family(source, destination);
        String line = "PROXY " + (v4 ? "TCP4 " : "TCP6 ") + text(source) + " " + text(destination) + " "
                + source.getPort() + " " + destination.getPort() + "\r\n";
        return line.getBytes(StandardCharsets.US_ASCII);
    }

    /**
     * Section 2.2: signature, version and command, family and transport, the address block length
     * (network order), then source address, destination address, source port, destination port.
     */
    public static byte[] v2(InetSocketAddress source, InetSocketAddress destination) {
        boolean v4 = family(source, destination);
        int addressLength = v4 ? 12 : 36;
        ByteBuffer b = ByteBuffer.allocate(16 + addressLength);
        b.put(V2_SIGNATURE).put(V2_PROXY).put(v4 ? TCP4 : TCP6).putShort((short) addressLength);
        b.put(source.getAddress().getAddress()).put(destination.getAddress().getAddress());
        b.putShort((short) source.getPort()).putShort((short) destination.getPort());
        return b.array();
    }

    private static boolean family(InetSocketAddress source, InetSocketAddress destination) {
        boolean v4 = source.getAddress() instanceof Inet4Address;
        if (v4 != destination.getAddress() instanceof Inet4Address) {
            throw new IllegalArgumentException("source " + source + " and destination " + destination
                    + " are of different address families");
        }
        return v4;
    }

    private static String text(InetSocketAddress a) {
        return AddressText.format(a.getAddress());
    }
}
