package org.lvsd.netlink.route;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.OptionalInt;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlAttr;
import org.lvsd.netlink.NlAttrs;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlMsgFlags;
import org.lvsd.netlink.NlRequest;

/**
 * {@code struct rtmsg} requests and replies ({@code rtnetlink.h}).
 *
 * <pre>
 *  0 u8  rtm_family
 *  1 u8  rtm_dst_len
 *  2 u8  rtm_src_len
 *  3 u8  rtm_tos
 *  4 u8  rtm_table     RT_TABLE_UNSPEC when the id needs RTA_TABLE (>= 256)
 *  5 u8  rtm_protocol
 *  6 u8  rtm_scope
 *  7 u8  rtm_type
 *  8 u32 rtm_flags
 * </pre>
 */
public final class RouteCodec {
    /** {@code sizeof(struct rtmsg)}. */
    public static final int SIZE = 12;
    /** {@code RTA_DST}. */
    public static final int RTA_DST = 1;
    /** {@code RTA_OIF}. */
    public static final int RTA_OIF = 4;
    /** {@code RTA_GATEWAY}. */
    public static final int RTA_GATEWAY = 5;
    /** {@code RTA_PRIORITY}. */
    public static final int RTA_PRIORITY = 6;
    /** {@code RTA_PREFSRC}. */
    public static final int RTA_PREFSRC = 7;
    /** {@code RTA_TABLE}. */
    public static final int RTA_TABLE = 15;

    private RouteCodec() {
    }

    /** RTM_NEWROUTE with {@code NLM_F_CREATE | NLM_F_EXCL}: EEXIST when present. */
    public static NlRequest add(Route r) {
        return new NlRequest(RtmType.NEWROUTE, NlMsgFlags.CREATE | NlMsgFlags.EXCL,
                payload(r, r.protocol(), r.scope()), "add route " + r.describe());
    }

    /**
     * RTM_DELROUTE: matches on destination, table, type and the given next hop, priority and
     * source, with any protocol ({@code RTPROT_UNSPEC}) and any scope ({@code RT_SCOPE_NOWHERE}),
     * as ip(8) does. ESRCH when absent.
     */
    public static NlRequest delete(Route r) {
        return new NlRequest(RtmType.DELROUTE, 0, payload(r, Route.PROTO_UNSPEC, Scope.NOWHERE),
                "delete route " + r.describe());
    }

    /** RTM_GETROUTE dump of one family (every table). */
    public static NlRequest dump(int family) {
        byte[] h = new byte[SIZE];
        h[0] = (byte) family;
        return new NlRequest(RtmType.GETROUTE, 0, h, "list routes");
    }

    /** Parses an RTM_NEWROUTE / RTM_DELROUTE message. */
    public static Route decode(NlMessage msg) {
        int mtype = msg.header().type();
        if (mtype != RtmType.NEWROUTE && mtype != RtmType.DELROUTE) {
            throw new NetlinkProtocolException("not a route message: type " + mtype);
        }
        ByteBuffer b = msg.payloadBuffer();
        if (b.remaining() < SIZE) {
            throw new NetlinkProtocolException("truncated rtmsg");
        }
        int family = Byte.toUnsignedInt(b.get());
        int dstLen = Byte.toUnsignedInt(b.get());
        b.get();
        b.get();
        int table = Byte.toUnsignedInt(b.get());
        int protocol = Byte.toUnsignedInt(b.get());
        int scope = Byte.toUnsignedInt(b.get());
        RouteType type = RouteType.valueOf(b.get());
        b.getInt();
        NlAttrs a = NlAttrs.decode(b);
        InetAddress dst = a.find(RTA_DST).map(NlAttr::inetAddress).orElseGet(() -> zero(family));
        return new Route(dst, dstLen, type, a.find(RTA_TABLE).map(NlAttr::u32).orElse(table), protocol, scope,
                a.find(RTA_GATEWAY).map(NlAttr::inetAddress), optionalInt(a, RTA_OIF),
                a.find(RTA_PREFSRC).map(NlAttr::inetAddress), optionalInt(a, RTA_PRIORITY));
    }

    private static OptionalInt optionalInt(NlAttrs a, int type) {
        return a.find(type).map(v -> OptionalInt.of(v.u32())).orElse(OptionalInt.empty());
    }

    private static InetAddress zero(int family) {
        try {
            return InetAddress.getByAddress(new byte[family == Family.INET6 ? 16 : 4]);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] payload(Route r, int protocol, int scope) {
        ByteBuffer h = ByteBuffer.allocate(SIZE).order(Netlink.ORDER);
        h.put((byte) r.family()).put((byte) r.dstLength()).put((byte) 0).put((byte) 0)
                .put((byte) (r.table() < 256 ? r.table() : 0)).put((byte) protocol).put((byte) scope)
                .put(r.type().byteValue()).putInt(0);
        AttrWriter w = new AttrWriter().header(h.array()).u32(RTA_TABLE, r.table());
        if (r.dstLength() > 0) {
            w.address(RTA_DST, r.destination());
        }
        r.gateway().ifPresent(g -> w.address(RTA_GATEWAY, g));
        r.oif().ifPresent(i -> w.u32(RTA_OIF, i));
        r.prefSrc().ifPresent(s -> w.address(RTA_PREFSRC, s));
        r.priority().ifPresent(p -> w.u32(RTA_PRIORITY, p));
        return w.toBytes();
    }
}
