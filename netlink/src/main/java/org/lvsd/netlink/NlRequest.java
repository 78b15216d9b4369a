package org.lvsd.netlink;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A request before it has a sequence number: type, flags and the payload after the
 * {@code nlmsghdr}. The socket assigns {@code seq} and {@code pid} when it sends it.
 *
 * @param type message type, e.g. {@code RTM_NEWADDR} or a generic netlink family id
 * @param flags {@link NlMsgFlags} bits; the socket adds {@code REQUEST} and {@code ACK}
 * @param payload family header and attributes; do not modify
 * @param description what the request does, for error messages ("add 198.51.100.100/24 to if 2")
 */
public record NlRequest(int type, int flags, byte[] payload, String description) {

    /** Checks the 16-bit ranges. */
    public NlRequest {
        if ((type & ~0xffff) != 0 || (flags & ~0xffff) != 0) {
            throw new IllegalArgumentException("type/flags out of range: " + type + "/" + flags);
        }
    }

    /** The same request with {@code extra} flags added. */
    public NlRequest withFlags(int extra) {
        return new NlRequest(type, flags | extra, payload, description);
    }

    /** Whole wire length: header plus payload (payload is already 4-byte padded by {@link AttrWriter}). */
    public int length() {
        return NlMsgHeader.SIZE + payload.length;
    }

    /** The wire bytes with this sequence number and port id. */
    public byte[] encode(int seq, int pid) {
        ByteBuffer b = ByteBuffer.allocate(Netlink.align(length())).order(Netlink.ORDER);
        encodeInto(b, seq, pid);
        return b.array();
    }

    /** Writes the wire bytes at the buffer's position, padded to 4 bytes. */
    public void encodeInto(ByteBuffer out, int seq, int pid) {
        new NlMsgHeader(length(), type, flags, seq, pid).encode(out);
        out.put(payload);
        for (int i = length(); i < Netlink.align(length()); i++) {
            out.put((byte) 0);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NlRequest r && r.type == type && r.flags == flags
                && Arrays.equals(r.payload, payload) && r.description.equals(description);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type + flags) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "NlRequest[type=" + type + ",flags=0x" + Integer.toHexString(flags) + ",len=" + length()
                + ",'" + description + "']";
    }
}
