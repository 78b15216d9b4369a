package org.lvsd.ipvs.kernel;

import java.util.function.IntFunction;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlAttr;
import org.lvsd.netlink.NlAttrs;

/**
 * The {@code IPVS_CMD_ATTR_DEST} nest: written for NEW/SET_DEST (full entry) and DEL_DEST
 * (identity), read from GET_DEST replies (ip_vs_genl_parse_dest, ip_vs_genl_fill_dest). The
 * destination's own address family is always sent, so IPv4 servers behind IPv6 services (and the
 * reverse, tunnel only) work.
 */
final class DestinationCodec {
    private DestinationCodec() {
    }

    /** ADDR_FAMILY, ADDR, PORT. */
    static void writeKey(AttrWriter w, RealServer server) {
        w.beginNested(IpvsAttr.Cmd.DEST);
        identity(w, server);
        w.endNested();
    }

    /**
     * Identity, forwarding method, weight, the tunnel settings for tunnels (type; port for GUE;
     * checksum flags for GUE and GRE, as libipvs sends them), thresholds.
     */
    static void writeFull(AttrWriter w, Destination d) {
        w.beginNested(IpvsAttr.Cmd.DEST);
        identity(w, d.server());
        w.u32(IpvsAttr.Dest.FWD_METHOD, d.forward().flag());
        w.u32(IpvsAttr.Dest.WEIGHT, d.weight());
        if (d.forward() == ForwardMethod.TUNNEL) {
            w.u8(IpvsAttr.Dest.TUN_TYPE, d.tunnelType().value());
            if (d.tunnelType() == TunnelType.GUE) {
                w.be16(IpvsAttr.Dest.TUN_PORT, d.tunnelPort());
            }
            if (d.tunnelType() != TunnelType.IPIP) {
                w.u16(IpvsAttr.Dest.TUN_FLAGS, d.tunnelChecksum().value());
            }
        }
        w.u32(IpvsAttr.Dest.U_THRESH, d.upperThreshold());
        w.u32(IpvsAttr.Dest.L_THRESH, d.lowerThreshold());
        w.endNested();
    }

    private static void identity(AttrWriter w, RealServer server) {
        w.u16(IpvsAttr.Dest.ADDR_FAMILY, server.family().value());
        w.bytes(IpvsAttr.Dest.ADDR, InetAttr.encode(server.address()));
        w.be16(IpvsAttr.Dest.PORT, server.port());
    }

    /**
     * A destination nest of a reply.
     *
     * @param serviceFamily the family to assume when the kernel omits ADDR_FAMILY (before 3.18)
     */
    static DestinationEntry decode(NlAttrs a, AddressFamily serviceFamily) {
        AddressFamily family = a.find(IpvsAttr.Dest.ADDR_FAMILY).map(x -> InetAttr.family(x.u16()))
                .orElse(serviceFamily);
        RealServer server = new RealServer(InetAttr.decode(a.get(IpvsAttr.Dest.ADDR), family),
                a.get(IpvsAttr.Dest.PORT).be16());
        Destination d = new Destination(server, known(ForwardMethod::ofFlag, a.get(IpvsAttr.Dest.FWD_METHOD).u32()),
                a.get(IpvsAttr.Dest.WEIGHT).u32(), a.get(IpvsAttr.Dest.U_THRESH).u32(),
                a.get(IpvsAttr.Dest.L_THRESH).u32(),
                known(TunnelType::of, a.find(IpvsAttr.Dest.TUN_TYPE).map(NlAttr::u8).orElse(0)),
                a.find(IpvsAttr.Dest.TUN_PORT).map(NlAttr::be16).orElse(0),
                known(TunnelChecksum::of, a.find(IpvsAttr.Dest.TUN_FLAGS).map(NlAttr::u16).orElse(0)));
        return new DestinationEntry(d, a.get(IpvsAttr.Dest.ACTIVE_CONNS).u32(), a.get(IpvsAttr.Dest.INACT_CONNS).u32(),
                a.get(IpvsAttr.Dest.PERSIST_CONNS).u32(),
                StatsCodec.decode(a, IpvsAttr.Dest.STATS, IpvsAttr.Dest.STATS64));
    }

    /** Decodes a kernel value with the model's decoder; an unknown one is a protocol error. */
    private static <T> T known(IntFunction<T> decoder, int value) {
        try {
            return decoder.apply(value);
        } catch (IllegalArgumentException e) {
            throw new NetlinkProtocolException(e.getMessage());
        }
    }
}
