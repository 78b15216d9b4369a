package org.lvsd.netlink;

import java.nio.ByteBuffer;

/**
 * {@code struct nlmsghdr}: 16 bytes, host byte order.
 *
 * <pre>
 *  0  u32 nlmsg_len    length including this header
 *  4  u16 nlmsg_type
 *  6  u16 nlmsg_flags  NLM_F_*
 *  8  u32 nlmsg_seq
 * 12  u32 nlmsg_pid    sender port id (0 for the kernel)
 * </pre>
 *
 * @param length whole message length in bytes, header included
 * @param type message type (unsigned 16 bits)
 * @param flags {@link NlMsgFlags} bits (unsigned 16 bits)
 * @param seq sequence number
 * @param pid port id
 */
public record NlMsgHeader(int length, int type, int flags, int seq, int pid) {
    /** {@code NLMSG_HDRLEN}. */
    public static final int SIZE = 16;

    /** Checks that type and flags fit in 16 bits and the length covers the header. */
    public NlMsgHeader {
        if (length < SIZE) {
            throw new NetlinkProtocolException("nlmsg_len " + Integer.toUnsignedString(length) + " < " + SIZE);
        }
        if ((type & ~0xffff) != 0 || (flags & ~0xffff) != 0) {
            throw new NetlinkProtocolException("nlmsg_type/flags out of range: " + type + "/" + flags);
        }
    }

    /** Whether every bit of {@code flag} is set. */
    public boolean has(int flag) {
        return (flags & flag) == flag;
    }

    /** Writes the 16 header bytes at the buffer's position (buffer in host order). */
    public void encode(ByteBuffer out) {
        out.putInt(length).putShort((short) type).putShort((short) flags).putInt(seq).putInt(pid);
    }

    /** Reads 16 header bytes at the buffer's position (buffer in host order). */
    public static NlMsgHeader decode(ByteBuffer in) {
        if (in.remaining() < SIZE) {
            throw new NetlinkProtocolException("truncated nlmsghdr: " + in.remaining() + " bytes");
        }
        int length = in.getInt();
        int type = Short.toUnsignedInt(in.getShort());
        int flags = Short.toUnsignedInt(in.getShort());
        return new NlMsgHeader(length, type, flags, in.getInt(), in.getInt());
    }
}
