package org.lvsd.netlink;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One {@code struct nlattr}: a 4-byte header ({@code u16 nla_len}, {@code u16 nla_type}) and
 * its payload, padded to 4 bytes on the wire. The type's two top bits are the flags
 * {@code NLA_F_NESTED} and {@code NLA_F_NET_BYTEORDER}; {@link #type()} excludes them.
 *
 * @param type attribute type without flag bits ({@code nla_type & NLA_TYPE_MASK})
 * @param nested whether {@code NLA_F_NESTED} was set
 * @param netByteOrder whether {@code NLA_F_NET_BYTEORDER} was set
 * @param value payload bytes (no padding); do not modify
 */
public record NlAttr(int type, boolean nested, boolean netByteOrder, byte[] value) {
    /** {@code NLA_HDRLEN}. */
    public static final int HEADER_SIZE = 4;
    /** {@code NLA_F_NESTED}. */
    public static final int F_NESTED = 1 << 15;
    /** {@code NLA_F_NET_BYTEORDER}. */
    public static final int F_NET_BYTEORDER = 1 << 14;
    /** {@code NLA_TYPE_MASK}. */
    public static final int TYPE_MASK = ~(F_NESTED | F_NET_BYTEORDER) & 0xffff;

    /** Unsigned 8-bit value. */
    public int u8() {
        requireLength(1);
        return Byte.toUnsignedInt(value[0]);
    }

    /** Unsigned 16-bit value in host byte order. */
    public int u16() {
        requireLength(2);
        return Short.toUnsignedInt(buffer(Netlink.ORDER).getShort());
    }

    /** 32-bit value in host byte order (Java int; use {@link Integer#toUnsignedLong} for u32 semantics). */
    public int u32() {
        requireLength(4);
        return buffer(Netlink.ORDER).getInt();
    }

    /** 64-bit value in host byte order. */
    public long u64() {
        requireLength(8);
        return buffer(Netlink.ORDER).getLong();
    }

    /** Unsigned 16-bit value in network byte order (e.g. ports). */
    public int be16() {
        requireLength(2);
        return Short.toUnsignedInt(buffer(ByteOrder.BIG_ENDIAN).getShort());
    }

    /** 32-bit value in network byte order. */
    public int be32() {
        requireLength(4);
        return buffer(ByteOrder.BIG_ENDIAN).getInt();
    }

    /** A NUL-terminated string (NLA_NUL_STRING / NLA_STRING); stops at the first NUL. */
    public String string() {
        int end = 0;
        while (end < value.length && value[end] != 0) {
            end++;
        }
        return new String(value, 0, end, StandardCharsets.UTF_8);
    }

    /** A copy of the payload. */
    public byte[] bytes() {
        return value.clone();
    }

    /** The payload parsed as nested attributes. */
    public NlAttrs nestedAttrs() {
        return NlAttrs.decode(ByteBuffer.wrap(value).order(Netlink.ORDER));
    }

    /** The payload as an IPv4 (4 bytes) or IPv6 (16 bytes) address. */
    public InetAddress inetAddress() {
        if (value.length != 4 && value.length != 16) {
            throw new NetlinkProtocolException("attribute " + type + ": " + value.length + " bytes is not an IP address");
        }
        try {
            return InetAddress.getByAddress(value);
        } catch (UnknownHostException e) {
            throw new NetlinkProtocolException("attribute " + type + ": " + e.getMessage());
        }
    }

    private ByteBuffer buffer(ByteOrder order) {
        return ByteBuffer.wrap(value).order(order);
    }

    private void requireLength(int n) {
        if (value.length < n) {
            throw new NetlinkProtocolException("attribute " + type + ": " + value.length + " bytes, need " + n);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NlAttr a && a.type == type && a.nested == nested
                && a.netByteOrder == netByteOrder && Arrays.equals(a.value, value);
    }

    @Override
    public int hashCode() {
        return 31 * Integer.hashCode(type) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "NlAttr[type=" + type + (nested ? ",nested" : "") + ",len=" + value.length + "]";
    }
}
