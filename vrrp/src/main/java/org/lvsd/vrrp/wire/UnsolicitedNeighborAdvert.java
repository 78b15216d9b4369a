package org.lvsd.vrrp.wire;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import org.lvsd.vrrp.codec.InternetChecksum;

/**
 * Unsolicited neighbour advertisement for an IPv6 VIP (RFC 5798 §6.4.1 (ii), RFC 4861 §4.4
 * and §7.2.6): ICMPv6 type 136 to all-nodes ff02::1 with hop limit 255, Solicited clear,
 * Override set, Router set on request, and the target link-layer address option (RFC 4861
 * §4.6.1). As keepalived does, the VIP itself is the IPv6 source.
 */
public final class UnsolicitedNeighborAdvert {

    static final int ICMPV6_NEXT_HEADER = 58;
    static final int TYPE_NEIGHBOR_ADVERTISEMENT = 136;
    static final int FLAG_ROUTER = 0x80;
    static final int FLAG_OVERRIDE = 0x20;
    static final int OPTION_TARGET_LINK_LAYER = 2;
    /** Type, code, checksum, flags+reserved, target, one 8-byte option. */
    static final int ICMP_LENGTH = 4 + 4 + 16 + 8;
    static final Inet6Address ALL_NODES = group();

    private UnsolicitedNeighborAdvert() {
    }

    public static byte[] frame(MacAddress interfaceMac, Inet6Address vip, boolean router) {
        byte[] icmp = new byte[ICMP_LENGTH];
        ByteBuffer body = ByteBuffer.wrap(icmp);
        body.put((byte) TYPE_NEIGHBOR_ADVERTISEMENT).put((byte) 0).putShort((short) 0)
                .put((byte) (FLAG_OVERRIDE | (router ? FLAG_ROUTER : 0))).put(new byte[3])
                .put(vip.getAddress())
                .put((byte) OPTION_TARGET_LINK_LAYER).put((byte) 1).put(interfaceMac.bytes());
        // RFC 4443 §2.3: checksum over the RFC 8200 §8.1 pseudo-header and the message.
        int checksum = new InternetChecksum().add(vip.getAddress()).add(ALL_NODES.getAddress())
                .add(new byte[] {0, 0, 0, (byte) ICMP_LENGTH, 0, 0, 0, (byte) ICMPV6_NEXT_HEADER})
                .add(icmp).value();
        icmp[2] = (byte) (checksum >>> 8);
        icmp[3] = (byte) checksum;
        return Ipv6Frames.frame(interfaceMac, MacAddress.ipv6Multicast(ALL_NODES), vip, ALL_NODES,
                ICMPV6_NEXT_HEADER, 0, 255, icmp);
    }

    private static Inet6Address group() {
        try {
            return (Inet6Address) InetAddress.getByName("ff02::1");
        } catch (UnknownHostException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
}
