package org.lvsd.vrrp.wire;

import java.nio.ByteBuffer;

/** Shared pieces: the Ethernet II header (IEEE 802.3 / RFC 894) and buffer helpers. */
final class FrameWriter {

    static final int ETHERNET_HEADER_LENGTH = 14;
    static final int ETHERTYPE_IPV4 = 0x0800;
    static final int ETHERTYPE_ARP = 0x0806;
    static final int ETHERTYPE_IPV6 = 0x86dd;

    private FrameWriter() {
    }

    static ByteBuffer ethernet(int payloadLength, MacAddress destination, MacAddress source, int etherType) {
        ByteBuffer buf = ByteBuffer.allocate(ETHERNET_HEADER_LENGTH + payloadLength);
        buf.put(destination.bytes()).put(source.bytes()).putShort((short) etherType);
        return buf;
    }
}
