package org.lvsd.netlink.route;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Optional;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlAttr;
import org.lvsd.netlink.NlAttrs;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlMsgFlags;
import org.lvsd.netlink.NlRequest;
import org.lvsd.netlink.Netlink;

/**
 * {@code struct ifaddrmsg} requests and replies ({@code include/uapi/linux/if_addr.h}).
 *
 * <pre>
 * 0 u8  ifa_family
 * 1 u8  ifa_prefixlen
 * 2 u8  ifa_flags
 * 3 u8  ifa_scope
 * 4 u32 ifa_index
 * </pre>
 */
public final class IfAddrCodec {
    /** {@code sizeof(struct ifaddrmsg)}. */
    public static final int SIZE = 8;
    /** {@code IFA_ADDRESS}. */
    public static final int IFA_ADDRESS = 1;
    /** {@code IFA_LOCAL}. */
    public static final int IFA_LOCAL = 2;
    /** {@code IFA_LABEL}. */
    public static final int IFA_LABEL = 3;
    /** {@code IFA_BROADCAST}. */
    public static final int IFA_BROADCAST = 4;
    /** {@code IFA_CACHEINFO}. */
    public static final int IFA_CACHEINFO = 6;
    /** {@code IFA_FLAGS}. */
    public static final int IFA_FLAGS = 8;

    private IfAddrCodec() {
    }

    /** RTM_NEWADDR with {@code NLM_F_CREATE | NLM_F_EXCL}: fails with EEXIST when present. */
    public static NlRequest add(AddressSpec a) {
        return new NlRequest(RtmType.NEWADDR, NlMsgFlags.CREATE | NlMsgFlags.EXCL, payload(a),
                "add address " + a.describe());
    }

    /** RTM_DELADDR: fails with EADDRNOTAVAIL when absent. */
    public static NlRequest delete(AddressSpec a) {
        return new NlRequest(RtmType.DELADDR, 0, payload(a), "delete address " + a.describe());
    }

    /** RTM_GETADDR for a dump of one family ({@link Family#UNSPEC} for all). */
    public static NlRequest dump(int family) {
        return new NlRequest(RtmType.GETADDR, 0, header(family, 0, 0, 0), "list addresses");
    }

    /** Parses an RTM_NEWADDR / RTM_DELADDR message. */
    public static IfAddress decode(NlMessage msg) {
        int type = msg.header().type();
        if (type != RtmType.NEWADDR && type != RtmType.DELADDR) {
            throw new NetlinkProtocolException("not an address message: type " + type);
        }
        ByteBuffer b = msg.payloadBuffer();
        if (b.remaining() < SIZE) {
            throw new NetlinkProtocolException("truncated ifaddrmsg");
        }
        b.get();
        int prefixLength = Byte.toUnsignedInt(b.get());
        int flags = Byte.toUnsignedInt(b.get());
        int scope = Byte.toUnsignedInt(b.get());
        int ifindex = b.getInt();
        NlAttrs a = NlAttrs.decode(b);
        Optional<InetAddress> addr = a.find(IFA_ADDRESS).map(NlAttr::inetAddress);
        Optional<InetAddress> local = a.find(IFA_LOCAL).map(NlAttr::inetAddress);
        InetAddress address = local.or(() -> addr)
                .orElseThrow(() -> new NetlinkProtocolException("address message without IFA_LOCAL/IFA_ADDRESS"));
        Optional<InetAddress> peer = local.isPresent() ? addr.filter(p -> !p.equals(local.get())) : Optional.empty();
        long preferred = IfAddress.FOREVER;
        long valid = IfAddress.FOREVER;
        Optional<NlAttr> ci = a.find(IFA_CACHEINFO);
        if (ci.isPresent()) {
            ByteBuffer c = Netlink.wrap(ci.get().value());
            preferred = Integer.toUnsignedLong(c.getInt());
            valid = Integer.toUnsignedLong(c.getInt());
        }
        return new IfAddress(ifindex, address, prefixLength, scope,
                a.find(IFA_FLAGS).map(NlAttr::u32).orElse(flags), peer,
                a.find(IFA_BROADCAST).map(NlAttr::inetAddress), a.find(IFA_LABEL).map(NlAttr::string),
                preferred, valid);
    }

    private static byte[] payload(AddressSpec a) {
        AttrWriter w = new AttrWriter()
                .header(header(Family.of(a.address()), a.prefixLength(), a.scope(), a.ifindex()))
                .address(IFA_LOCAL, a.address())
                .address(IFA_ADDRESS, a.address());
        a.broadcast().ifPresent(bc -> w.address(IFA_BROADCAST, bc));
        a.label().ifPresent(l -> w.string(IFA_LABEL, l));
        if (a.flags() != 0) {
            w.u32(IFA_FLAGS, a.flags());
        }
        return w.toBytes();
    }

    private static byte[] header(int family, int prefixLength, int scope, int ifindex) {
        return ByteBuffer.allocate(SIZE).order(Netlink.ORDER).put((byte) family).put((byte) prefixLength)
                .put((byte) 0).put((byte) scope).putInt(ifindex).array();
    }
}
