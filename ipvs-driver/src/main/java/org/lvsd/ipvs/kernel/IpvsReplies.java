package org.lvsd.ipvs.kernel;

import java.util.List;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.IpvsInfo;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlAttr;
import org.lvsd.netlink.NlAttrs;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.genl.GenlMessage;

/** Decodes the kernel's answers to the IPVS GET commands (ip_vs_genl_get_cmd and the dump callbacks). */
public final class IpvsReplies {
    private IpvsReplies() {
    }

    /** A NEW_SERVICE message (GET_SERVICE answer): the service and its statistics, no destinations yet. */
    public static ServiceEntry service(NlMessage m) {
        GenlMessage g = expect(m, IpvsCommand.NEW_SERVICE);
        NlAttrs a = g.attrs().get(IpvsAttr.Cmd.SERVICE).nestedAttrs();
        Stats stats = StatsCodec.decode(a, IpvsAttr.Svc.STATS, IpvsAttr.Svc.STATS64);
        return new ServiceEntry(ServiceCodec.decode(a), stats, List.of());
    }

    /** A NEW_DEST message (GET_DEST answer) of a service of {@code serviceFamily}. */
    public static DestinationEntry destination(NlMessage m, AddressFamily serviceFamily) {
        GenlMessage g = expect(m, IpvsCommand.NEW_DEST);
        return DestinationCodec.decode(g.attrs().get(IpvsAttr.Cmd.DEST).nestedAttrs(), serviceFamily);
    }

    /** A NEW_DAEMON message (GET_DAEMON answer). */
    public static SyncDaemon daemon(NlMessage m) {
        GenlMessage g = expect(m, IpvsCommand.NEW_DAEMON);
        return DaemonCodec.decode(g.attrs().get(IpvsAttr.Cmd.DAEMON).nestedAttrs());
    }

    /** A SET_INFO message (GET_INFO answer). */
    public static IpvsInfo info(NlMessage m) {
        GenlMessage g = expect(m, IpvsCommand.SET_INFO);
        return new IpvsInfo(g.attrs().get(IpvsAttr.Info.VERSION).u32(), g.attrs().get(IpvsAttr.Info.CONN_TAB_SIZE).u32());
    }

    /** A SET_CONFIG message (GET_CONFIG answer); a timeout the kernel omits (protocol not built) is 0. */
    public static Timeouts timeouts(NlMessage m) {
        GenlMessage g = expect(m, IpvsCommand.SET_CONFIG);
        return new Timeouts(g.attrs().find(IpvsAttr.Cmd.TIMEOUT_TCP).map(NlAttr::u32).orElse(0),
                g.attrs().find(IpvsAttr.Cmd.TIMEOUT_TCP_FIN).map(NlAttr::u32).orElse(0),
                g.attrs().find(IpvsAttr.Cmd.TIMEOUT_UDP).map(NlAttr::u32).orElse(0));
    }

    private static GenlMessage expect(NlMessage m, IpvsCommand cmd) {
        GenlMessage g = GenlMessage.decode(m);
        if (g.genl().cmd() != cmd.value()) {
            throw new NetlinkProtocolException("expected IPVS " + cmd + ", got command " + g.genl().cmd());
        }
        return g;
    }
}
