package org.lvsd.ipvs.kernel;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.Set;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlAttr;
import org.lvsd.netlink.NlAttrs;

/**
 * The {@code IPVS_CMD_ATTR_SERVICE} nest: written for requests (identity only, or the full
 * entry that NEW_SERVICE and SET_SERVICE need, as ip_vs_genl_parse_service demands), read from
 * GET_SERVICE replies (ip_vs_genl_fill_service).
 */
final class ServiceCodec {
    /** {@code sizeof(struct ip_vs_flags)}. */
    static final int FLAGS_SIZE = 8;
    /** Mask meaning "every flag bit is given", as ipvsadm sends it. */
    static final int ALL_FLAGS = ~0;

    private ServiceCodec() {
    }

    /** The nest with only the identifying fields: AF, then FWMARK or PROTOCOL, ADDR, PORT. */
    static void writeKey(AttrWriter w, ServiceKey key) {
        w.beginNested(IpvsAttr.Cmd.SERVICE);
        identity(w, key);
        w.endNested();
    }

    /** The full nest: identity, scheduler, persistence engine (if any), flags with mask, timeout, netmask. */
    static void writeFull(AttrWriter w, VirtualService s, int flagsMask) {
        w.beginNested(IpvsAttr.Cmd.SERVICE);
        identity(w, s.key());
        w.string(IpvsAttr.Svc.SCHED_NAME, s.scheduler());
        if (!s.persistenceEngine().isEmpty()) {
            w.string(IpvsAttr.Svc.PE_NAME, s.persistenceEngine());
        }
        w.bytes(IpvsAttr.Svc.FLAGS, ByteBuffer.allocate(FLAGS_SIZE).order(Netlink.ORDER)
                .putInt(ServiceFlag.toBits(s.flags())).putInt(flagsMask).array());
        w.u32(IpvsAttr.Svc.TIMEOUT, s.timeout());
        if (s.key().family() == AddressFamily.INET) {
            w.be32(IpvsAttr.Svc.NETMASK, s.netmask());
        } else {
            w.u32(IpvsAttr.Svc.NETMASK, s.netmask());
        }
        w.endNested();
    }

    private static void identity(AttrWriter w, ServiceKey key) {
        w.u16(IpvsAttr.Svc.AF, key.family().value());
        if (key.isFwmark()) {
            w.u32(IpvsAttr.Svc.FWMARK, key.fwmark());
        } else {
            w.u16(IpvsAttr.Svc.PROTOCOL, key.protocol().number());
            w.bytes(IpvsAttr.Svc.ADDR, InetAttr.encode(key.address()));
            w.be16(IpvsAttr.Svc.PORT, key.port());
        }
    }

    /**
     * A service nest of a reply. The kernel-internal {@link ServiceFlag#HASHED} bit is dropped:
     * it is set on every service in the table and cannot be requested.
     */
    static VirtualService decode(NlAttrs a) {
        AddressFamily family = InetAttr.family(a.get(IpvsAttr.Svc.AF).u16());
        ServiceKey key;
        int fwmark = a.find(IpvsAttr.Svc.FWMARK).map(NlAttr::u32).orElse(0);
        if (fwmark != 0) {
            key = ServiceKey.fwmark(fwmark, family);
        } else {
            key = new ServiceKey(family, protocol(a.get(IpvsAttr.Svc.PROTOCOL).u16()),
                    InetAttr.decode(a.get(IpvsAttr.Svc.ADDR), family), a.get(IpvsAttr.Svc.PORT).be16(), 0);
        }
        Set<ServiceFlag> flags = EnumSet.noneOf(ServiceFlag.class);
        flags.addAll(ServiceFlag.fromBits(a.get(IpvsAttr.Svc.FLAGS).u32()));
        flags.remove(ServiceFlag.HASHED);
        NlAttr netmask = a.get(IpvsAttr.Svc.NETMASK);
        return new VirtualService(key, a.get(IpvsAttr.Svc.SCHED_NAME).string(), flags,
                a.get(IpvsAttr.Svc.TIMEOUT).u32(), family == AddressFamily.INET ? netmask.be32() : netmask.u32(),
                a.find(IpvsAttr.Svc.PE_NAME).map(NlAttr::string).orElse(""));
    }

    /** The protocol with this IPPROTO_* number. */
    static Protocol protocol(int number) {
        for (Protocol p : Protocol.values()) {
            if (p.number() == number) {
                return p;
            }
        }
        throw new NetlinkProtocolException("unknown service protocol " + number);
    }
}
