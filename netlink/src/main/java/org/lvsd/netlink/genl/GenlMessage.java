package org.lvsd.netlink.genl;

import java.nio.ByteBuffer;
import org.lvsd.netlink.NlAttrs;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlMsgHeader;

/**
 * A received generic netlink message of a family without a user header ({@code hdrsize} 0,
 * as nlctrl and IPVS): the netlink header, the {@code genlmsghdr} and the attributes.
 *
 * @param header the {@code nlmsghdr}; its type is the family id
 * @param genl the {@code genlmsghdr}
 * @param attrs the top-level attributes
 */
public record GenlMessage(NlMsgHeader header, GenlHeader genl, NlAttrs attrs) {

    /** Parses the payload of a netlink message as genlmsghdr plus attributes. */
    public static GenlMessage decode(NlMessage msg) {
        ByteBuffer b = msg.payloadBuffer();
        GenlHeader genl = GenlHeader.decode(b);
        return new GenlMessage(msg.header(), genl, NlAttrs.decode(b));
    }
}
