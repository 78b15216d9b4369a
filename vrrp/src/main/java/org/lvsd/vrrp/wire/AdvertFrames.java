package org.lvsd.vrrp.wire;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.lvsd.vrrp.codec.InternetChecksum;
import org.lvsd.vrrp.codec.VrrpCodec;

/**
 * Whole Ethernet frames carrying an encoded VRRP message (RFC 5798 §5.1): IPv4 with TTL 255,
 * protocol 112, DSCP/precedence byte 0xc0 (internetwork control, as keepalived sends) and a
 * header checksum; IPv6 with hop limit 255, next header 112, traffic class 0xc0.
 */
public final class AdvertFrames {

    /** RFC 5798 §5.1.1.2 IPv4 multicast group. */
    public static final Inet4Address GROUP_V4 = (Inet4Address) literal("224.0.0.18");
    /** RFC 5798 §5.1.2.2 IPv6 multicast group. */
    public static final Inet6Address GROUP_V6 = (Inet6Address) literal("ff02::12");
    /** RFC 5798 §5.1.1.3 / §5.1.2.3: TTL / hop limit of multicast adverts. */
    public static final int MULTICAST_TTL = 255;
    /** IP precedence 6 (internetwork control), keepalived's TOS / traffic class. */
    public static final int TOS_INTERNETWORK_CONTROL = 0xc0;

    static final int IPV4_HEADER_LENGTH = 20;

    private AdvertFrames() {
    }

    /** Multicast IPv4 advert to {@code group} (224.0.0.18: 01:00:5e:00:00:12) via its RFC 1112 §6.4 MAC. */
    public static byte[] ipv4Multicast(MacAddress interfaceMac, Inet4Address source, Inet4Address group,
                                       int identification, byte[] vrrp) {
        return ipv4(interfaceMac, MacAddress.ipv4Multicast(group), source, group, MULTICAST_TTL, identification, vrrp);
    }

    /** Multicast IPv6 advert to {@code group} (ff02::12: 33:33:00:00:00:12); the source is link-local. */
    public static byte[] ipv6Multicast(MacAddress interfaceMac, Inet6Address linkLocalSource, Inet6Address group,
                                       byte[] vrrp) {
        return ipv6(interfaceMac, MacAddress.ipv6Multicast(group), linkLocalSource, group, MULTICAST_TTL, vrrp);
    }

    /** IPv4 advert; for unicast the caller supplies the peer's MAC, address and TTL. */
    public static byte[] ipv4(MacAddress source, MacAddress destination, Inet4Address sourceIp,
                              Inet4Address destinationIp, int ttl, int identification, byte[] vrrp) {
        int total = IPV4_HEADER_LENGTH + vrrp.length;
        ByteBuffer buf = FrameWriter.ethernet(total, destination, source, FrameWriter.ETHERTYPE_IPV4);
        int ip = buf.position();
        // RFC 791 §3.1: version 4, IHL 5, TOS, total length, id, no fragmentation flags.
        buf.put((byte) 0x45).put((byte) TOS_INTERNETWORK_CONTROL).putShort((short) total)
                .putShort((short) identification).putShort((short) 0)
                .put((byte) ttl).put((byte) VrrpCodec.IP_PROTOCOL).putShort((short) 0)
                .put(sourceIp.getAddress()).put(destinationIp.getAddress());
        byte[] frame = buf.array();
        int checksum = InternetChecksum.of(frame, ip, IPV4_HEADER_LENGTH);
        frame[ip + 10] = (byte) (checksum >>> 8);
        frame[ip + 11] = (byte) checksum;
        buf.put(vrrp);
        return frame;
    }

    /** IPv6 advert; for unicast the caller supplies the peer's MAC, address and hop limit. */
    public static byte[] ipv6(MacAddress source, MacAddress destination, Inet6Address sourceIp,
                              Inet6Address destinationIp, int hopLimit, byte[] vrrp) {
        return Ipv6Frames.frame(source, destination, sourceIp, destinationIp, VrrpCodec.IP_PROTOCOL,
                TOS_INTERNETWORK_CONTROL, hopLimit, vrrp);
    }

    private static InetAddress literal(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
