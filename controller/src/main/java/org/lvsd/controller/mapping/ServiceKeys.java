package org.lvsd.controller.mapping;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lvsd.conf.model.RealServer;
import org.lvsd.conf.model.VirtualServer;
import org.lvsd.conf.model.VirtualServerGroup;
import org.lvsd.conf.model.VsAddress;
import org.lvsd.conf.model.VsgEntry;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.ServiceKey;

/**
 * The IPVS service keys a virtual server stands for: {@code IP PORT} is one service of its
 * {@code protocol}; {@code fwmark N} one firewall-mark service; {@code group NAME} one service per
 * address of each range entry (keepalived.conf(5) "virtual_server_group": {@code a.b.c.d-e},
 * {@code FIRST-LAST}, {@code NET/LEN}) and one per {@code fwmark} entry. A firewall mark's family
 * is the entry's, else {@code ip_family}, else the first real server's, else IPv4.
 */
final class ServiceKeys {

    /** The most addresses one group entry may expand to. */
    static final int MAX_RANGE = 65_536;

    private final Map<String, VirtualServerGroup> groups;
    private final Problems problems;

    ServiceKeys(Map<String, VirtualServerGroup> groups, Problems problems) {
        this.groups = groups;
        this.problems = problems;
    }

    List<ServiceKey> of(VirtualServer vs) {
        Protocol protocol = Protocol.valueOf(vs.protocol().orElse(org.lvsd.conf.model.Protocol.TCP).name());
        if (vs.address() instanceof VsAddress.IpPort ip) {
            return List.of(ServiceKey.of(protocol, ip.address(), ip.port()));
        }
        if (vs.address() instanceof VsAddress.Fwmark f) {
            return List.of(ServiceKey.fwmark(f.mark(), family(vs, Optional.empty())));
        }
        String name = ((VsAddress.Group) vs.address()).name();
        VirtualServerGroup group = groups.get(name);
        if (group == null) {
            problems.error(vs.where(), "virtual_server group '" + name + "' is not defined");
            return List.of();
        }
        List<ServiceKey> keys = new ArrayList<>();
        for (VsgEntry e : group.entries()) {
            if (e instanceof VsgEntry.Fwmark f) {
                keys.add(ServiceKey.fwmark(f.mark(), family(vs, f.family())));
            } else {
                range(vs, (VsgEntry.Range) e, protocol, keys);
            }
        }
        return keys;
    }

    private void range(VirtualServer vs, VsgEntry.Range r, Protocol protocol, List<ServiceKey> out) {
        BigInteger first = new BigInteger(1, r.first().getAddress());
        BigInteger count = new BigInteger(1, r.last().getAddress()).subtract(first).add(BigInteger.ONE);
        if (count.compareTo(BigInteger.valueOf(MAX_RANGE)) > 0) {
            problems.error(r.where(), "virtual_server_group range of " + count + " addresses is larger than "
                    + MAX_RANGE + " services");
            return;
        }
        if (vs.ipFamily().isPresent() && vs.ipFamily().get() != org.lvsd.conf.model.AddressFamily.of(r.first())) {
            problems.error(r.where(), "virtual_server_group entry is not of the virtual server's ip_family "
                    + vs.ipFamily().get().name().toLowerCase(Locale.ROOT));
            return;
        }
        int width = r.first().getAddress().length;
        for (int i = 0; i < count.intValue(); i++) {
            out.add(ServiceKey.of(protocol, address(first.add(BigInteger.valueOf(i)), width), r.port()));
        }
    }

    private static InetAddress address(BigInteger n, int width) {
        byte[] raw = n.toByteArray();
        byte[] b = new byte[width];
        int copy = Math.min(raw.length, width);
        System.arraycopy(raw, raw.length - copy, b, width - copy, copy);
        try {
            return InetAddress.getByAddress(b);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a " + width + "-byte address is always valid", e);
        }
    }

    private static AddressFamily family(VirtualServer vs, Optional<org.lvsd.conf.model.AddressFamily> entry) {
        Optional<org.lvsd.conf.model.AddressFamily> f = entry.or(vs::ipFamily)
                .or(() -> vs.realServers().stream().findFirst().map(RealServer::address)
                        .map(org.lvsd.conf.model.AddressFamily::of));
        return f.map(x -> AddressFamily.valueOf(x.name())).orElse(AddressFamily.INET);
    }
}
