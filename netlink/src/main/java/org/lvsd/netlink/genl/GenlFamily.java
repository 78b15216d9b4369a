package org.lvsd.netlink.genl;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlAttr;
import org.lvsd.netlink.NlAttrs;

/**
 * A generic netlink family as the controller describes it ({@code CTRL_CMD_NEWFAMILY}).
 *
 * @param id the dynamic family id, used as {@code nlmsg_type}
 * @param name the family name
 * @param version the family's interface version
 * @param hdrSize size of the family's user header after {@code genlmsghdr}
 * @param maxAttr highest attribute type the family accepts
 * @param groups its multicast groups
 */
public record GenlFamily(int id, String name, int version, int hdrSize, int maxAttr, List<McastGroup> groups) {

    /** Copies the group list. */
    public GenlFamily {
        groups = List.copyOf(groups);
    }

    /** The multicast group with this name. */
    public Optional<McastGroup> group(String groupName) {
        return groups.stream().filter(g -> g.name().equals(groupName)).findFirst();
    }

    /** Parses a {@code CTRL_CMD_NEWFAMILY} reply. */
    public static GenlFamily decode(GenlMessage msg) {
        if (msg.genl().cmd() != GenlCtrl.CMD_NEWFAMILY) {
            throw new NetlinkProtocolException("expected CTRL_CMD_NEWFAMILY, got cmd " + msg.genl().cmd());
        }
        NlAttrs a = msg.attrs();
        List<McastGroup> groups = new ArrayList<>();
        for (NlAttr g : a.find(GenlCtrl.ATTR_MCAST_GROUPS).map(NlAttr::nestedAttrs).orElse(NlAttrs.EMPTY).list()) {
            NlAttrs ga = g.nestedAttrs();
            groups.add(new McastGroup(ga.get(GenlCtrl.ATTR_MCAST_GRP_NAME).string(),
                    ga.get(GenlCtrl.ATTR_MCAST_GRP_ID).u32()));
        }
        return new GenlFamily(a.get(GenlCtrl.ATTR_FAMILY_ID).u16(), a.get(GenlCtrl.ATTR_FAMILY_NAME).string(),
                a.find(GenlCtrl.ATTR_VERSION).map(NlAttr::u32).orElse(0),
                a.find(GenlCtrl.ATTR_HDRSIZE).map(NlAttr::u32).orElse(0),
                a.find(GenlCtrl.ATTR_MAXATTR).map(NlAttr::u32).orElse(0), groups);
    }
}
