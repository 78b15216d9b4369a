package org.lvsd.netlink.genl;

import java.nio.ByteBuffer;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.NetlinkProtocolException;

/**
 * {@code struct genlmsghdr}: 4 bytes after the {@code nlmsghdr}.
 *
 * <pre>
 * 0 u8  cmd
 * 1 u8  version
 * 2 u16 reserved
 * </pre>
 *
 * @param cmd family command
 * @param version family interface version
 * @param reserved reserved, 0 when sending
 */
public record GenlHeader(int cmd, int version, int reserved) {
    /** {@code GENL_HDRLEN}. */
    public static final int SIZE = 4;

    /** Checks the field ranges. */
    public GenlHeader {
        if ((cmd & ~0xff) != 0 || (version & ~0xff) != 0 || (reserved & ~0xffff) != 0) {
            throw new IllegalArgumentException("genlmsghdr field out of range: " + cmd + "/" + version + "/" + reserved);
        }
    }

    /** A header for sending: reserved is 0. */
    public GenlHeader(int cmd, int version) {
        this(cmd, version, 0);
    }

    /** A payload writer that starts with this header; append attributes to it. */
    public AttrWriter writer() {
        byte[] b = new byte[SIZE];
        b[0] = (byte) cmd;
        b[1] = (byte) version;
        return new AttrWriter().header(b);
    }

    /** Reads the 4 header bytes at the buffer's position. */
    public static GenlHeader decode(ByteBuffer in) {
        if (in.remaining() < SIZE) {
            throw new NetlinkProtocolException("truncated genlmsghdr: " + in.remaining() + " bytes");
        }
        int cmd = Byte.toUnsignedInt(in.get());
        int version = Byte.toUnsignedInt(in.get());
        return new GenlHeader(cmd, version, Short.toUnsignedInt(in.getShort()));
    }
}
