package org.lvsd.netlink;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The status carried by {@code NLMSG_ERROR} ({@code struct nlmsgerr}) or {@code NLMSG_DONE}.
 *
 * <pre>
 * NLMSG_ERROR payload:
 *  0  s32      error        0 = ACK, otherwise -errno
 *  4  nlmsghdr msg          the request's header
 * 20  ...      request body unless NLM_F_CAPPED (always capped for an ACK)
 *  .  nlattr[] NLMSGERR_ATTR_* when NLM_F_ACK_TLVS, 4-byte aligned
 * NLMSG_DONE payload:
 *  0  s32      error, then NLMSGERR_ATTR_* when NLM_F_ACK_TLVS
 * </pre>
 *
 * @param errno the positive error number, 0 for an ACK or a clean end of dump
 * @param request the echoed request header (empty for {@code NLMSG_DONE})
 * @param message {@code NLMSGERR_ATTR_MSG}, the kernel's extended-ack text
 * @param offset {@code NLMSGERR_ATTR_OFFS}, offset of the offending attribute in the request
 */
public record NlError(int errno, Optional<NlMsgHeader> request, Optional<String> message, OptionalInt offset) {
    /** {@code NLMSGERR_ATTR_MSG}. */
    public static final int ATTR_MSG = 1;
    /** {@code NLMSGERR_ATTR_OFFS}. */
    public static final int ATTR_OFFS = 2;

    /** Whether this is an ACK (or a clean {@code NLMSG_DONE}). */
    public boolean isAck() {
        return errno == 0;
    }

    /** Parses an {@code NLMSG_ERROR} message. */
    public static NlError decodeError(NlMessage msg) {
        if (!msg.isError()) {
            throw new NetlinkProtocolException("not NLMSG_ERROR: type " + msg.header().type());
        }
        ByteBuffer b = msg.payloadBuffer();
        if (b.remaining() < 4 + NlMsgHeader.SIZE) {
            throw new NetlinkProtocolException("truncated nlmsgerr: " + b.remaining() + " bytes");
        }
        int errno = -b.getInt();
        NlMsgHeader echoed = NlMsgHeader.decode(b);
        int tlvStart = 4 + (msg.header().has(NlMsgFlags.CAPPED) ? NlMsgHeader.SIZE : Netlink.align(echoed.length()));
        return withTlvs(msg, b, errno, Optional.of(echoed), tlvStart);
    }

    /** Parses an {@code NLMSG_DONE} message; a missing status word means success. */
    public static NlError decodeDone(NlMessage msg) {
        if (!msg.isDone()) {
            throw new NetlinkProtocolException("not NLMSG_DONE: type " + msg.header().type());
        }
        ByteBuffer b = msg.payloadBuffer();
        int errno = b.remaining() >= 4 ? -b.getInt() : 0;
        return withTlvs(msg, b, errno, Optional.empty(), 4);
    }

    private static NlError withTlvs(NlMessage msg, ByteBuffer b, int errno, Optional<NlMsgHeader> echoed, int start) {
        if (!msg.header().has(NlMsgFlags.ACK_TLVS) || start >= b.limit()) {
            return new NlError(errno, echoed, Optional.empty(), OptionalInt.empty());
        }
        NlAttrs tlvs = NlAttrs.decode(b.position(start));
        Optional<String> text = tlvs.find(ATTR_MSG).map(NlAttr::string);
        OptionalInt offs = tlvs.find(ATTR_OFFS).map(a -> OptionalInt.of(a.u32())).orElse(OptionalInt.empty());
        return new NlError(errno, echoed, text, offs);
    }
}
