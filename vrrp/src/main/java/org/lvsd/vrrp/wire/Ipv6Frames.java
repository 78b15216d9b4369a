package org.lvsd.vrrp.wire;

import java.net.Inet6Address;
import java.nio.ByteBuffer;

/** Ethernet + RFC 8200 §3 IPv6 header (flow label 0) + payload. */
final class Ipv6Frames {

    static final int HEADER_LENGTH = 40;

    private Ipv6Frames() {
    }

    static byte[] frame(MacAddress source, MacAddress destination, Inet6Address sourceIp, Inet6Address destinationIp,
                        int nextHeader, int trafficClass, int hopLimit, byte[] payload) {
        ByteBuffer buf = FrameWriter.ethernet(HEADER_LENGTH + payload.length, destination, source,
                FrameWriter.ETHERTYPE_IPV6);
        buf.putInt((6 << 28) | ((trafficClass & 0xff) << 20))
                .putShort((short) payload.length)
                .put((byte) nextHeader)
                .put((byte) hopLimit)
                .put(sourceIp.getAddress())
                .put(destinationIp.getAddress())
                .put(payload);
        return buf.array();
    }
}
