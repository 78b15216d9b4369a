package org.lvsd.netlink.route;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlAttr;
import org.lvsd.netlink.NlAttrs;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlRequest;

/**
 * {@code struct ndmsg} requests and replies ({@code include/uapi/linux/neighbour.h}).
 *
 * <pre>
 *  0 u8  ndm_family
 *  1 u8  ndm_pad1
 *  2 u16 ndm_pad2
 *  4 s32 ndm_ifindex
 *  8 u16 ndm_state   NUD_*
 * 10 u8  ndm_flags   NTF_*
 * 11 u8  ndm_type
 * </pre>
 */
public final class NeighbourCodec {
    /** {@code sizeof(struct ndmsg)}. */
    public static final int SIZE = 12;
    /** {@code NDA_DST}. */
    public static final int NDA_DST = 1;
    /** {@code NDA_LLADDR}. */
    public static final int NDA_LLADDR = 2;

    private NeighbourCodec() {
    }

    /**
     * RTM_GETNEIGH for one entry (not a dump): the kernel answers RTM_NEWNEIGH or ENOENT. The
     * header must carry only family and ifindex (state, flags and type zero).
     */
    public static NlRequest get(InetAddress address, int ifindex) {
        byte[] h = ByteBuffer.allocate(SIZE).order(Netlink.ORDER).put((byte) Family.of(address)).put((byte) 0)
                .putShort((short) 0).putInt(ifindex).putInt(0).array();
        return new NlRequest(RtmType.GETNEIGH, 0, new AttrWriter().header(h).address(NDA_DST, address).toBytes(),
                "get neighbour " + address.getHostAddress() + " on ifindex " + ifindex);
    }

    /** Parses an RTM_NEWNEIGH / RTM_DELNEIGH message. */
    public static Neighbour decode(NlMessage msg) {
        int type = msg.header().type();
        if (type != RtmType.NEWNEIGH && type != RtmType.DELNEIGH) {
            throw new NetlinkProtocolException("not a neighbour message: type " + type);
        }
        ByteBuffer b = msg.payloadBuffer();
        if (b.remaining() < SIZE) {
            throw new NetlinkProtocolException("truncated ndmsg");
        }
        b.getInt();
        int ifindex = b.getInt();
        int state = Short.toUnsignedInt(b.getShort());
        int flags = Byte.toUnsignedInt(b.get());
        b.get();
        NlAttrs a = NlAttrs.decode(b);
        return new Neighbour(ifindex, a.get(NDA_DST).inetAddress(),
                a.find(NDA_LLADDR).map(NlAttr::value).map(HardwareAddress::new), state, flags);
    }
}
