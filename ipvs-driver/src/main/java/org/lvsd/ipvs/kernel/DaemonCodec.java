package org.lvsd.ipvs.kernel;

import java.net.Inet4Address;
import java.util.Optional;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.NlAttr;
import org.lvsd.netlink.NlAttrs;

/** The {@code IPVS_CMD_ATTR_DAEMON} nest (ip_vs_genl_new_daemon, ip_vs_genl_fill_daemon). */
final class DaemonCodec {
    private DaemonCodec() {
    }

    /** STATE, MCAST_IFN, SYNC_ID, then each optional setting that is not 0 / empty. */
    static void writeFull(AttrWriter w, SyncDaemon d) {
        w.beginNested(IpvsAttr.Cmd.DAEMON);
        w.u32(IpvsAttr.Daemon.STATE, d.state().value());
        w.string(IpvsAttr.Daemon.MCAST_IFN, d.mcastInterface());
        w.u32(IpvsAttr.Daemon.SYNC_ID, d.syncId());
        if (d.syncMaxlen() != 0) {
            w.u16(IpvsAttr.Daemon.SYNC_MAXLEN, d.syncMaxlen());
        }
        d.mcastGroup().ifPresent(g -> w.bytes(g instanceof Inet4Address ? IpvsAttr.Daemon.MCAST_GROUP
                : IpvsAttr.Daemon.MCAST_GROUP6, g.getAddress()));
        if (d.mcastPort() != 0) {
            w.u16(IpvsAttr.Daemon.MCAST_PORT, d.mcastPort());
        }
        if (d.mcastTtl() != 0) {
            w.u8(IpvsAttr.Daemon.MCAST_TTL, d.mcastTtl());
        }
        w.endNested();
    }

    /** STATE only, which is all DEL_DAEMON reads. */
    static void writeState(AttrWriter w, SyncState state) {
        w.beginNested(IpvsAttr.Cmd.DAEMON);
        w.u32(IpvsAttr.Daemon.STATE, state.value());
        w.endNested();
    }

    /** A daemon nest of a GET_DAEMON reply. */
    static SyncDaemon decode(NlAttrs a) {
        Optional<NlAttr> group = a.find(IpvsAttr.Daemon.MCAST_GROUP).or(() -> a.find(IpvsAttr.Daemon.MCAST_GROUP6));
        return new SyncDaemon(SyncState.valueOf(a.get(IpvsAttr.Daemon.STATE).u32()),
                a.get(IpvsAttr.Daemon.MCAST_IFN).string(), a.get(IpvsAttr.Daemon.SYNC_ID).u32(),
                a.find(IpvsAttr.Daemon.SYNC_MAXLEN).map(NlAttr::u16).orElse(0),
                group.map(g -> InetAttr.decode(g, g.type() == IpvsAttr.Daemon.MCAST_GROUP ? AddressFamily.INET
                        : AddressFamily.INET6)),
                a.find(IpvsAttr.Daemon.MCAST_PORT).map(NlAttr::u16).orElse(0),
                a.find(IpvsAttr.Daemon.MCAST_TTL).map(NlAttr::u8).orElse(0));
    }
}
