package org.lvsd.controller.mapping;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lvsd.conf.model.ForwardingMethod;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.RealServer;
import org.lvsd.conf.model.SorryServer;
import org.lvsd.conf.model.VirtualServer;
import org.lvsd.conf.model.Where;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.VirtualServerSpec;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

/**
 * Maps a {@link KeepalivedConfig} to health pools and IPVS objects. Pure: the same model gives an
 * equal {@link MappedConfig}. Besides what the per-part mappers report it checks, with the config's
 * {@code file:line}: that no IPVS service is declared twice, that each real and sorry server has its
 * service's address family unless tunnelled (the kernel refuses other mixes), and that
 * {@code lthreshold} does not exceed {@code uthreshold} (the kernel's ERANGE).
 */
public final class ConfigMapper {

    private ConfigMapper() {
    }

    public static MappedConfig map(KeepalivedConfig config) {
        Problems problems = new Problems();
        ServiceKeys keys = new ServiceKeys(config.vsGroups(), problems);
        HealthMapper health = new HealthMapper(config.trackFiles(), problems);
        Map<ServiceKey, Where> serviceOwners = new HashMap<>();
        Map<String, Where> ids = new HashMap<>();
        List<MappedVirtualServer> out = new ArrayList<>();
        for (VirtualServer vs : config.virtualServers()) {
            ServiceOptions options = new ServiceOptions(vs, problems);
            Set<ServiceFlag> flags = options.flags();
            List<VirtualService> services = new ArrayList<>();
            for (ServiceKey key : keys.of(vs)) {
                Where first = serviceOwners.putIfAbsent(key, vs.where());
                if (first != null) {
                    problems.error(vs.where(), "service " + key + " is already defined at " + first);
                } else {
                    services.add(options.service(key, flags));
                }
            }
            String id = VsIds.of(vs, services);
            Where firstId = ids.putIfAbsent(id, vs.where());
            if (firstId != null) {
                problems.error(vs.where(), "virtual server " + id + " is already defined at " + firstId);
                continue;
            }
            Map<RealServerId, Destination> destinations = new LinkedHashMap<>();
            for (RealServer rs : vs.realServers()) {
                checkFamily(rs.address(), rs.method(), rs.where(), "real_server", services, problems);
                if (rs.lowerThreshold() > rs.upperThreshold()) {
                    problems.error(rs.where(), "lthreshold " + rs.lowerThreshold() + " is above uthreshold "
                            + rs.upperThreshold());
                }
                destinations.put(new RealServerId(rs.address(), rs.port()), DestinationMapper.map(rs.address(),
                        rs.port(), rs.method(), rs.weight(), rs.upperThreshold(), rs.lowerThreshold()));
            }
            Optional<Destination> sorry = vs.sorryServer().map(s -> sorry(s, services, problems));
            try {
                VirtualServerSpec spec = health.map(id, vs);
                out.add(new MappedVirtualServer(id, spec, services, destinations, sorry, vs.where()));
            } catch (IllegalArgumentException e) {
                problems.error(vs.where(), id + ": " + e.getMessage());
            }
        }
        return new MappedConfig(out, problems.all());
    }

    private static Destination sorry(SorryServer s, List<VirtualService> services, Problems problems) {
        checkFamily(s.address(), s.method(), s.where(), "sorry_server", services, problems);
        return DestinationMapper.map(s.address(), s.port(), s.method(), 1, 0, 0);
    }

    private static void checkFamily(InetAddress address, ForwardingMethod method, Where where, String what,
            List<VirtualService> services, Problems problems) {
        if (method.kind() == ForwardingMethod.Kind.TUN) {
            return;
        }
        AddressFamily family = AddressFamily.of(address);
        services.stream().map(VirtualService::key).filter(k -> k.family() != family).findFirst()
                .ifPresent(k -> problems.error(where, what + " " + AddressText.format(address) + " is "
                        + (family == AddressFamily.INET ? "IPv4" : "IPv6") + " but service " + k
                        + " is not; only lvs_method TUN may mix address families"));
    }
}
