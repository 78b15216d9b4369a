package org.lvsd.healthcheck.icmp;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Encodes echo requests and decodes echo replies (RFC 792 "Echo or Echo Reply Message";
 * RFC 4443 §4.1, §4.2): type, code 0, checksum, identifier, sequence number, data. Pure.
 */
final class EchoCodec {

    /** Octets of the ICMP header before the data. */
    static final int HEADER = 8;

    /** A decoded echo reply. */
    record Echo(int identifier, int sequence, byte[] data) {
    }

    private EchoCodec() {
    }

    /** An echo request; the checksum is filled in when the family needs it from us. */
    static byte[] request(IcmpFamily family, int identifier, int sequence, byte[] data) {
        ByteBuffer b = ByteBuffer.allocate(HEADER + data.length);
        b.put((byte) family.requestType()).put((byte) 0).putShort((short) 0)
                .putShort((short) identifier).putShort((short) sequence).put(data);
        byte[] out = b.array();
        if (family.userChecksum()) {
            int sum = checksum(out);
            out[2] = (byte) (sum >> 8);
            out[3] = (byte) sum;
        }
        return out;
    }

    /**
     * The echo reply in {@code packet}, or empty for anything else. {@code ipHeader}: the
     * packet starts with an IPv4 header (raw IPv4 sockets, raw(7)), whose IHL is skipped.
     */
    static Optional<Echo> reply(IcmpFamily family, byte[] packet, int length, boolean ipHeader) {
        int at = 0;
        if (ipHeader) {
            if (length < 20 || (packet[0] >> 4 & 0xF) != 4) {
                return Optional.empty();
            }
            at = (packet[0] & 0xF) * 4;
        }
        if (length - at < HEADER || (packet[at] & 0xFF) != family.replyType()
                || packet[at + 1] != 0) {
            return Optional.empty();
        }
        ByteBuffer b = ByteBuffer.wrap(packet, at + 4, length - at - 4);
        int identifier = b.getShort() & 0xFFFF;
        int sequence = b.getShort() & 0xFFFF;
        byte[] data = new byte[b.remaining()];
        b.get(data);
        return Optional.of(new Echo(identifier, sequence, data));
    }

    /** The Internet checksum (RFC 1071): one's complement of the one's-complement sum. */
    static int checksum(byte[] bytes) {
        long sum = 0;
        for (int i = 0; i < bytes.length; i += 2) {
            int hi = bytes[i] & 0xFF;
            int lo = i + 1 < bytes.length ? bytes[i + 1] & 0xFF : 0;
            sum += hi << 8 | lo;
        }
        while (sum >> 16 != 0) {
            sum = (sum & 0xFFFF) + (sum >> 16);
        }
        return (int) (~sum & 0xFFFF);
    }
}
