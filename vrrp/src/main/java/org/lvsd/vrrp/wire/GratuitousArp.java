package org.lvsd.vrrp.wire;

import java.net.Inet4Address;
import java.nio.ByteBuffer;

/**
 * Gratuitous ARP for a VIP (RFC 5798 §6.4.1 (ii)): an RFC 826 request broadcast from the
 * interface MAC, sender and target protocol address both the VIP (RFC 5227 §3 announcement),
 * target hardware address broadcast as keepalived sends it. 42 bytes; the NIC pads to 60.
 */
public final class GratuitousArp {

    /** RFC 826 body: hrd, pro, hln, pln, op, sha, spa, tha, tpa. */
    static final int ARP_LENGTH = 28;
    private static final int HARDWARE_ETHERNET = 1;
    private static final int OPERATION_REQUEST = 1;

    private GratuitousArp() {
    }

    public static byte[] frame(MacAddress interfaceMac, Inet4Address vip) {
        ByteBuffer buf = FrameWriter.ethernet(ARP_LENGTH, MacAddress.BROADCAST, interfaceMac, FrameWriter.ETHERTYPE_ARP);
        buf.putShort((short) HARDWARE_ETHERNET)
                .putShort((short) FrameWriter.ETHERTYPE_IPV4)
                .put((byte) 6)
                .put((byte) 4)
                .putShort((short) OPERATION_REQUEST)
                .put(interfaceMac.bytes())
                .put(vip.getAddress())
                .put(MacAddress.BROADCAST.bytes())
                .put(vip.getAddress());
        return buf.array();
    }
}
