package org.lvsd.netlink;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One received netlink message: its header and the payload after it (padding excluded).
 *
 * @param header the {@code nlmsghdr}
 * @param payload the bytes after the header, {@code nlmsg_len - 16} of them; do not modify
 */
public record NlMessage(NlMsgHeader header, byte[] payload) {

    /** A host-order, read-only buffer over the payload. */
    public ByteBuffer payloadBuffer() {
        return ByteBuffer.wrap(payload).asReadOnlyBuffer().order(Netlink.ORDER);
    }

    /** Whether this is {@code NLMSG_ERROR} (an error or an ACK). */
    public boolean isError() {
        return header.type() == NlMsgType.ERROR;
    }

    /** Whether this is {@code NLMSG_DONE}. */
    public boolean isDone() {
        return header.type() == NlMsgType.DONE;
    }

    /** Whether this is {@code NLMSG_NOOP} or {@code NLMSG_OVERRUN}, which carry no data. */
    public boolean isNoise() {
        return header.type() == NlMsgType.NOOP || header.type() == NlMsgType.OVERRUN;
    }

    /** Parses an {@code NLMSG_ERROR} payload (error or ACK). */
    public NlError error() {
        return NlError.decodeError(this);
    }

    /** Parses an {@code NLMSG_DONE} payload: the dump's final status. */
    public NlError doneStatus() {
        return NlError.decodeDone(this);
    }

    /**
     * Splits one datagram into its messages (netlink(7): several messages may share a
     * datagram, each starting at a 4-byte aligned offset).
     */
    public static List<NlMessage> decodeAll(ByteBuffer datagram) {
        ByteBuffer b = datagram.slice().order(Netlink.ORDER);
        List<NlMessage> out = new ArrayList<>();
        while (b.remaining() >= NlMsgHeader.SIZE) {
            int start = b.position();
            NlMsgHeader h = NlMsgHeader.decode(b);
            if (Integer.compareUnsigned(h.length(), b.limit() - start) > 0) {
                throw new NetlinkProtocolException("nlmsg_len " + Integer.toUnsignedString(h.length())
                        + " exceeds the " + (b.limit() - start) + " bytes left");
            }
            byte[] payload = new byte[h.length() - NlMsgHeader.SIZE];
            b.get(payload);
            out.add(new NlMessage(h, payload));
            b.position(Math.min(b.limit(), start + Netlink.align(h.length())));
        }
        if (b.hasRemaining()) {
            throw new NetlinkProtocolException(b.remaining() + " trailing bytes after messages");
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NlMessage m && m.header.equals(header) && Arrays.equals(m.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * header.hashCode() + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return "NlMessage[" + header + ",payload=" + payload.length + " bytes]";
    }
}
