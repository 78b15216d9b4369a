package org.lvsd.netlink;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;

/**
 * Builds a message payload: an optional fixed family header followed by attributes, each
 * padded to 4 bytes with zeros. Nesting is explicit with {@link #beginNested(int)} and
 * {@link #endNested()}. Single use, not thread-safe; {@link #toBytes()} snapshots the result.
 */
public final class AttrWriter {
    private ByteBuffer buf = ByteBuffer.allocate(256).order(Netlink.ORDER);
    private final Deque<Integer> openNests = new ArrayDeque<>();

    /** Appends raw bytes (a family header such as {@code ifaddrmsg}), padded to 4 bytes. */
    public AttrWriter header(byte[] fixed) {
        ensure(Netlink.align(fixed.length));
        buf.put(fixed);
        pad();
        return this;
    }

    /** An attribute with an unsigned 8-bit value. */
    public AttrWriter u8(int type, int v) {
        return bytes(type, new byte[] {(byte) v});
    }

    /** An attribute with an unsigned 16-bit value in host byte order. */
    public AttrWriter u16(int type, int v) {
        return bytes(type, ByteBuffer.allocate(2).order(Netlink.ORDER).putShort((short) v).array());
    }

    /** An attribute with a 32-bit value in host byte order. */
    public AttrWriter u32(int type, int v) {
        return bytes(type, ByteBuffer.allocate(4).order(Netlink.ORDER).putInt(v).array());
    }

    /** An attribute with a 64-bit value in host byte order. */
    public AttrWriter u64(int type, long v) {
        return bytes(type, ByteBuffer.allocate(8).order(Netlink.ORDER).putLong(v).array());
    }

    /** An attribute with an unsigned 16-bit value in network byte order. */
    public AttrWriter be16(int type, int v) {
        return bytes(type, ByteBuffer.allocate(2).order(ByteOrder.BIG_ENDIAN).putShort((short) v).array());
    }

    /** An attribute with a 32-bit value in network byte order. */
    public AttrWriter be32(int type, int v) {
        return bytes(type, ByteBuffer.allocate(4).order(ByteOrder.BIG_ENDIAN).putInt(v).array());
    }

    /** A NUL-terminated UTF-8 string attribute. */
    public AttrWriter string(int type, String s) {
        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
        return bytes(type, Arrays.copyOf(utf8, utf8.length + 1));
    }

    /** An IPv4 (4 bytes) or IPv6 (16 bytes) address attribute. */
    public AttrWriter address(int type, InetAddress address) {
        return bytes(type, address.getAddress());
    }

    /** An attribute with raw payload bytes. */
    public AttrWriter bytes(int type, byte[] value) {
        int len = NlAttr.HEADER_SIZE + value.length;
        if (len > 0xffff) {
            throw new IllegalArgumentException("attribute " + type + " too long: " + value.length);
        }
        ensure(Netlink.align(len));
        buf.putShort((short) len).putShort((short) checkType(type)).put(value);
        pad();
        return this;
    }

    /** Opens a nested attribute ({@code NLA_F_NESTED} set); close it with {@link #endNested()}. */
    public AttrWriter beginNested(int type) {
        ensure(NlAttr.HEADER_SIZE);
        openNests.push(buf.position());
        buf.putShort((short) 0).putShort((short) (checkType(type) | NlAttr.F_NESTED));
        return this;
    }

    /** Closes the innermost nested attribute and fills in its length. */
    public AttrWriter endNested() {
        if (openNests.isEmpty()) {
            throw new IllegalStateException("no nested attribute open");
        }
        int start = openNests.pop();
        int len = buf.position() - start;
        if (len > 0xffff) {
            throw new IllegalStateException("nested attribute too long: " + len);
        }
        buf.putShort(start, (short) len);
        return this;
    }

    /** The payload written so far; every nested attribute must be closed. */
    public byte[] toBytes() {
        if (!openNests.isEmpty()) {
            throw new IllegalStateException(openNests.size() + " nested attribute(s) still open");
        }
        return Arrays.copyOf(buf.array(), buf.position());
    }

    private static int checkType(int type) {
        if (type < 0 || type > NlAttr.TYPE_MASK) {
            throw new IllegalArgumentException("attribute type out of range: " + type);
        }
        return type;
    }

    private void pad() {
        while ((buf.position() & 3) != 0) {
            buf.put((byte) 0);
        }
    }

    private void ensure(int n) {
        if (buf.remaining() < n) {
            ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + n))
                    .order(Netlink.ORDER);
            buf.flip();
            bigger.put(buf);
            buf = bigger;
        }
    }
}
