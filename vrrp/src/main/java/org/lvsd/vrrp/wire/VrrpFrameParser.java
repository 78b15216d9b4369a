package org.lvsd.vrrp.wire;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;
import org.lvsd.vrrp.codec.InternetChecksum;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.VrrpCodec;

/**
 * Extracts VRRP messages from received Ethernet II frames (one 802.1Q tag tolerated): IPv4
 * (RFC 791: header checksum verified, fragments ignored, padding cut at Total Length) or IPv6
 * (RFC 8200: VRRP directly after the fixed header, padding cut at Payload Length). Anything
 * else yields empty: the capture filter lets only protocol 112 through, so empties are rare.
 */
public final class VrrpFrameParser {

    private static final int ETHERTYPE_VLAN = 0x8100;

    private VrrpFrameParser() {
    }

    public static Optional<ReceivedVrrp> parse(byte[] frame) {
        if (frame.length < FrameWriter.ETHERNET_HEADER_LENGTH) {
            return Optional.empty();
        }
        MacAddress source = MacAddress.of(Arrays.copyOfRange(frame, 6, 12));
        int offset = 12;
        int etherType = u16(frame, offset);
        if (etherType == ETHERTYPE_VLAN && frame.length >= offset + 6) {
            offset += 4;
            etherType = u16(frame, offset);
        }
        offset += 2;
        if (etherType == FrameWriter.ETHERTYPE_IPV4) {
            return ipv4(frame, offset, source);
        }
        if (etherType == FrameWriter.ETHERTYPE_IPV6) {
            return ipv6(frame, offset, source);
        }
        return Optional.empty();
    }

    private static Optional<ReceivedVrrp> ipv4(byte[] f, int ip, MacAddress source) {
        if (f.length < ip + 20 || (f[ip] & 0xf0) != 0x40) {
            return Optional.empty();
        }
        int headerLength = (f[ip] & 0x0f) * 4;
        int total = u16(f, ip + 2);
        boolean fragment = (u16(f, ip + 6) & 0x3fff) != 0;
        if (headerLength < 20 || total < headerLength || f.length < ip + total || fragment
                || (f[ip + 9] & 0xff) != VrrpCodec.IP_PROTOCOL
                || InternetChecksum.of(f, ip, headerLength) != 0) {
            return Optional.empty();
        }
        IpContext ctx = new IpContext(address(f, ip + 12, 4), address(f, ip + 16, 4), f[ip + 8] & 0xff);
        return Optional.of(new ReceivedVrrp(source, ctx, Arrays.copyOfRange(f, ip + headerLength, ip + total)));
    }

    private static Optional<ReceivedVrrp> ipv6(byte[] f, int ip, MacAddress source) {
        if (f.length < ip + 40 || (f[ip] & 0xf0) != 0x60) {
            return Optional.empty();
        }
        int payload = u16(f, ip + 4);
        if ((f[ip + 6] & 0xff) != VrrpCodec.IP_PROTOCOL || f.length < ip + 40 + payload) {
            return Optional.empty();
        }
        IpContext ctx = new IpContext(address(f, ip + 8, 16), address(f, ip + 24, 16), f[ip + 7] & 0xff);
        return Optional.of(new ReceivedVrrp(source, ctx, Arrays.copyOfRange(f, ip + 40, ip + 40 + payload)));
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }

    /** Inet6Address keeps IPv4-mapped IPv6 addresses in the IPv6 family. */
    private static InetAddress address(byte[] b, int at, int length) {
        byte[] raw = Arrays.copyOfRange(b, at, at + length);
        try {
            return length == 16 ? Inet6Address.getByAddress(null, raw, -1) : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4- or 16-byte address refused", e);
        }
    }
}
