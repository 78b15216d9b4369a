package org.lvsd.netlink.route;

import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlAttr;
import org.lvsd.netlink.NlAttrs;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlMsgFlags;
import org.lvsd.netlink.NlRequest;

/**
 * {@code struct fib_rule_hdr} requests and replies ({@code include/uapi/linux/fib_rules.h}),
 * the messages of {@code ip rule}.
 *
 * <pre>
 *  0 u8  family
 *  1 u8  dst_len
 *  2 u8  src_len
 *  3 u8  tos
 *  4 u8  table      RT_TABLE_UNSPEC when the id needs FRA_TABLE (>= 256)
 *  5 u8  res1
 *  6 u8  res2
 *  7 u8  action     FR_ACT_*
 *  8 u32 flags      FIB_RULE_INVERT = 2
 * </pre>
 */
public final class RuleCodec {
    /** {@code sizeof(struct fib_rule_hdr)}. */
    public static final int SIZE = 12;
    /** {@code FRA_DST}. */
    public static final int FRA_DST = 1;
    /** {@code FRA_SRC}. */
    public static final int FRA_SRC = 2;
    /** {@code FRA_IIFNAME}. */
    public static final int FRA_IIFNAME = 3;
    /** {@code FRA_PRIORITY}. */
    public static final int FRA_PRIORITY = 6;
    /** {@code FRA_FWMARK}. */
    public static final int FRA_FWMARK = 10;
    /** {@code FRA_TABLE}. */
    public static final int FRA_TABLE = 15;
    /** {@code FRA_FWMASK}. */
    public static final int FRA_FWMASK = 16;
    /** {@code FRA_OIFNAME}. */
    public static final int FRA_OIFNAME = 17;
    /** {@code FIB_RULE_INVERT}. */
    public static final int FIB_RULE_INVERT = 2;

    private RuleCodec() {
    }

    /** RTM_NEWRULE with {@code NLM_F_CREATE | NLM_F_EXCL}: EEXIST when an equal rule is there. */
    public static NlRequest add(Rule r) {
        return new NlRequest(RtmType.NEWRULE, NlMsgFlags.CREATE | NlMsgFlags.EXCL, payload(r, r.action()),
                "add rule " + r.describe());
    }

    /**
     * RTM_DELRULE: matches on every field given, with any action ({@code FR_ACT_UNSPEC}) as
     * {@code ip rule del} sends. ENOENT when none matches.
     */
    public static NlRequest delete(Rule r) {
        return new NlRequest(RtmType.DELRULE, 0, payload(r, null), "delete rule " + r.describe());
    }

    /** RTM_GETRULE dump of one family. */
    public static NlRequest dump(int family) {
        byte[] h = new byte[SIZE];
        h[0] = (byte) family;
        return new NlRequest(RtmType.GETRULE, 0, h, "list rules");
    }

    /** Parses an RTM_NEWRULE / RTM_DELRULE message. */
    public static Rule decode(NlMessage msg) {
        int mtype = msg.header().type();
        if (mtype != RtmType.NEWRULE && mtype != RtmType.DELRULE) {
            throw new NetlinkProtocolException("not a rule message: type " + mtype);
        }
        ByteBuffer b = msg.payloadBuffer();
        if (b.remaining() < SIZE) {
            throw new NetlinkProtocolException("truncated fib_rule_hdr");
        }
        int family = Byte.toUnsignedInt(b.get());
        int dstLen = Byte.toUnsignedInt(b.get());
        int srcLen = Byte.toUnsignedInt(b.get());
        b.get();
        int table = Byte.toUnsignedInt(b.get());
        b.get();
        b.get();
        RuleAction action = RuleAction.valueOf(b.get());
        int flags = b.getInt();
        NlAttrs a = NlAttrs.decode(b);
        return new Rule(family, a.find(FRA_SRC).map(NlAttr::inetAddress), srcLen,
                a.find(FRA_DST).map(NlAttr::inetAddress), dstLen, action,
                action == RuleAction.TO_TABLE ? a.find(FRA_TABLE).map(NlAttr::u32).orElse(table) : 0,
                a.find(FRA_PRIORITY).map(v -> OptionalInt.of(v.u32())).orElse(OptionalInt.empty()),
                u32(a, FRA_FWMARK), u32(a, FRA_FWMASK), a.find(FRA_IIFNAME).map(NlAttr::string),
                a.find(FRA_OIFNAME).map(NlAttr::string), (flags & FIB_RULE_INVERT) != 0);
    }

    private static OptionalLong u32(NlAttrs a, int type) {
        Optional<NlAttr> v = a.find(type);
        return v.isPresent() ? OptionalLong.of(Integer.toUnsignedLong(v.get().u32())) : OptionalLong.empty();
    }

    /** The header and attributes; {@code action} null means FR_ACT_UNSPEC (a delete). */
    private static byte[] payload(Rule r, RuleAction action) {
        boolean lookup = r.action() == RuleAction.TO_TABLE;
        ByteBuffer h = ByteBuffer.allocate(SIZE).order(Netlink.ORDER);
        h.put((byte) r.family()).put((byte) r.destinationLength()).put((byte) r.sourceLength()).put((byte) 0)
                .put((byte) (lookup && r.table() < 256 ? r.table() : 0)).put((byte) 0).put((byte) 0)
                .put(action == null ? 0 : action.byteValue()).putInt(r.invert() ? FIB_RULE_INVERT : 0);
        AttrWriter w = new AttrWriter().header(h.array());
        r.source().ifPresent(s -> w.address(FRA_SRC, s));
        r.destination().ifPresent(d -> w.address(FRA_DST, d));
        r.priority().ifPresent(p -> w.u32(FRA_PRIORITY, p));
        r.fwmark().ifPresent(m -> w.u32(FRA_FWMARK, (int) m));
        r.fwmask().ifPresent(m -> w.u32(FRA_FWMASK, (int) m));
        r.iifName().ifPresent(i -> w.string(FRA_IIFNAME, i));
        r.oifName().ifPresent(o -> w.string(FRA_OIFNAME, o));
        if (lookup) {
            w.u32(FRA_TABLE, r.table());
        }
        return w.toBytes();
    }
}
