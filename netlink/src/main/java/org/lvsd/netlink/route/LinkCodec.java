package org.lvsd.netlink.route;

import java.nio.ByteBuffer;
import java.util.Optional;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlAttr;
import org.lvsd.netlink.NlAttrs;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlRequest;

/**
 * {@code struct ifinfomsg} requests and replies ({@code rtnetlink.h}, attributes of
 * {@code if_link.h}).
 *
 * <pre>
 *  0 u8  ifi_family
 *  1 u8  pad
 *  2 u16 ifi_type    ARPHRD_*
 *  4 s32 ifi_index
 *  8 u32 ifi_flags   IFF_*
 * 12 u32 ifi_change
 * </pre>
 */
public final class LinkCodec {
    /** {@code sizeof(struct ifinfomsg)}. */
    public static final int SIZE = 16;
    /** {@code IFLA_ADDRESS}. */
    public static final int IFLA_ADDRESS = 1;
    /** {@code IFLA_IFNAME}. */
    public static final int IFLA_IFNAME = 3;
    /** {@code IFLA_MTU}. */
    public static final int IFLA_MTU = 4;
    /** {@code IFLA_OPERSTATE}. */
    public static final int IFLA_OPERSTATE = 16;
    /** {@code IFLA_LINKINFO}. */
    public static final int IFLA_LINKINFO = 18;
    /** {@code IFLA_INFO_KIND}, inside {@code IFLA_LINKINFO}. */
    public static final int IFLA_INFO_KIND = 1;

    private LinkCodec() {
    }

    /** RTM_GETLINK dump of every link. */
    public static NlRequest dump() {
        return new NlRequest(RtmType.GETLINK, 0, header(0), "list links");
    }

    /** RTM_GETLINK of one link by name (ENODEV when absent). */
    public static NlRequest get(String name) {
        return new NlRequest(RtmType.GETLINK, 0, new AttrWriter().header(header(0)).string(IFLA_IFNAME, name).toBytes(),
                "get link " + name);
    }

    /** RTM_GETLINK of one link by index (ENODEV when absent). */
    public static NlRequest get(int ifindex) {
        return new NlRequest(RtmType.GETLINK, 0, header(ifindex), "get link " + ifindex);
    }

    /** Parses an RTM_NEWLINK or RTM_DELLINK message. */
    public static Link decode(NlMessage msg) {
        return event(msg).link();
    }

    /** Parses an RTM_NEWLINK or RTM_DELLINK message as a notification. */
    public static LinkEvent event(NlMessage msg) {
        int type = msg.header().type();
        if (type != RtmType.NEWLINK && type != RtmType.DELLINK) {
            throw new NetlinkProtocolException("not a link message: type " + type);
        }
        ByteBuffer b = msg.payloadBuffer();
        if (b.remaining() < SIZE) {
            throw new NetlinkProtocolException("truncated ifinfomsg");
        }
        b.getInt();
        int ifindex = b.getInt();
        int flags = b.getInt();
        b.getInt();
        NlAttrs a = NlAttrs.decode(b);
        Optional<String> kind = a.find(IFLA_LINKINFO)
                .flatMap(li -> li.nestedAttrs().find(IFLA_INFO_KIND)).map(NlAttr::string);
        Link link = new Link(ifindex, a.get(IFLA_IFNAME).string(), flags,
                a.find(IFLA_MTU).map(NlAttr::u32).orElse(0),
                a.find(IFLA_OPERSTATE).map(o -> OperState.valueOf((byte) o.u8())).orElse(OperState.UNKNOWN),
                a.find(IFLA_ADDRESS).map(m -> new HardwareAddress(m.value())), kind);
        return new LinkEvent(type == RtmType.DELLINK, link);
    }

    private static byte[] header(int ifindex) {
        return ByteBuffer.allocate(SIZE).order(Netlink.ORDER).putInt(0).putInt(ifindex).putInt(0).putInt(0).array();
    }
}
