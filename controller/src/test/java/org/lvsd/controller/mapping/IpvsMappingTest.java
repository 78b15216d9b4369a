package org.lvsd.controller.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.mapping.Configs.ip;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;

class IpvsMappingTest {

    private static MappedVirtualServer only(String text) {
        MappedConfig m = Configs.map(text);
        assertEquals(List.of(), m.diagnostics());
        assertEquals(1, m.virtualServers().size());
        return m.virtualServers().get(0);
    }

    @Test
    void directRoutingServiceWithRoundRobin() {
        MappedVirtualServer vs = only("""
                virtual_server 198.51.100.100 80 {
                    lvs_sched rr
                    lvs_method DR
                    protocol TCP
                    real_server 198.51.100.21 80 { weight 3 }
                    real_server 198.51.100.22 80 { uthreshold 100 lthreshold 50 }
                }
                """);
        ServiceKey key = ServiceKey.tcp(ip("198.51.100.100"), 80);
        assertEquals("TCP 198.51.100.100:80", vs.id());
        assertEquals(List.of(VirtualService.of(key, "rr")), vs.services());
        assertEquals(Map.of(
                new RealServerId(ip("198.51.100.21"), 80),
                Destination.of(new RealServer(ip("198.51.100.21"), 80), ForwardMethod.ROUTE, 3),
                new RealServerId(ip("198.51.100.22"), 80),
                Destination.of(new RealServer(ip("198.51.100.22"), 80), ForwardMethod.ROUTE, 1)
                        .withThresholds(100, 50)), vs.destinations());
    }

    @Test
    void natIsMasqueradingAndTheMethodCanBeSetPerRealServer() {
        MappedVirtualServer vs = only("""
                virtual_server 198.51.100.100 53 {
                    lvs_sched wlc
                    lvs_method NAT
                    protocol UDP
                    real_server 10.0.0.1 53 { }
                    real_server 10.0.0.2 53 { lvs_method TUN type gue port 6080 csum }
                    real_server 10.0.0.3 53 { lvs_method TUN type gre remcsum }
                    real_server 10.0.0.4 53 { lvs_method TUN }
                }
                """);
        assertEquals(List.of(VirtualService.of(ServiceKey.udp(ip("198.51.100.100"), 53), "wlc")), vs.services());
        assertEquals(List.of(
                Destination.of(new RealServer(ip("10.0.0.1"), 53), ForwardMethod.MASQ, 1),
                Destination.of(new RealServer(ip("10.0.0.2"), 53), ForwardMethod.TUNNEL, 1)
                        .withTunnel(TunnelType.GUE, 6080, TunnelChecksum.CSUM),
                Destination.of(new RealServer(ip("10.0.0.3"), 53), ForwardMethod.TUNNEL, 1)
                        .withTunnel(TunnelType.GRE, 0, TunnelChecksum.REMCSUM),
                Destination.of(new RealServer(ip("10.0.0.4"), 53), ForwardMethod.TUNNEL, 1)
                        .withTunnel(TunnelType.IPIP, 0, TunnelChecksum.NOCSUM)),
                List.copyOf(vs.destinations().values()));
    }

    private static Set<ServiceFlag> flags(String sched, String protocol) {
        return only("virtual_server 198.51.100.100 80 {\n lvs_sched " + sched + "\n lvs_method DR\n protocol "
                + protocol + "\n}\n").services().get(0).flags();
    }

    @Test
    void schedulerFlagsBecomeServiceFlags() {
        assertEquals(Set.of(ServiceFlag.SCHED1, ServiceFlag.SCHED2), flags("sh sh-port sh-fallback", "TCP"));
        assertEquals(Set.of(ServiceFlag.SCHED2), flags("mh mh-port", "TCP"));
        assertEquals(Set.of(ServiceFlag.SCHED1), flags("mh mh-fallback", "TCP"));
        assertEquals(Set.of(ServiceFlag.SCHED1, ServiceFlag.SCHED3), flags("rr flag-1 flag-3", "TCP"));
        assertEquals(Set.of(ServiceFlag.SCHED2), flags("wrr flag-2", "TCP"));
        assertEquals(Set.of(ServiceFlag.ONE_PACKET), flags("rr ops", "UDP"));
        assertEquals(Set.of(ServiceFlag.HASHED), flags("rr hashed", "TCP"));
    }

    @Test
    void flagsThatMeanNothingAreWarnedAndLeftOut() {
        MappedConfig m = Configs.map("""
                virtual_server 198.51.100.100 80 {
                    lvs_sched rr sh-port ops
                    lvs_method DR
                    protocol TCP
                }
                """);
        assertEquals(Set.of(), m.virtualServers().get(0).services().get(0).flags());
        assertEquals(List.of("lvsd.conf:1: warning: sh-port has no meaning for scheduler rr (ignored)",
                "lvsd.conf:1: warning: ops (one-packet scheduling) is only for UDP services; ignored for"
                        + " TCP 198.51.100.100:80"), m.diagnostics().stream().map(Object::toString).toList());
    }

    @Test
    void everySchedulerNameIsPassedThrough() {
        for (String s : List.of("rr", "wrr", "lc", "wlc", "lblc", "sh", "mh", "dh", "fo", "ovf", "lblcr", "sed",
                "nq", "twos")) {
            assertEquals(s, only("virtual_server 198.51.100.100 80 {\n lvs_sched " + s
                    + "\n lvs_method DR\n protocol TCP\n}\n").services().get(0).scheduler());
        }
    }

    @Test
    void persistenceTimeoutGranularityAndEngine() {
        String base = "virtual_server 198.51.100.100 5060 {\n lvs_sched rr\n lvs_method DR\n protocol UDP\n";
        ServiceKey key = ServiceKey.udp(ip("198.51.100.100"), 5060);
        assertEquals(VirtualService.of(key, "rr").withPersistence(600, 0xffffffff),
                only(base + " persistence_timeout 600\n}\n").services().get(0));
        assertEquals(VirtualService.of(key, "rr").withPersistence(360, 0xffffffff),
                only(base + " persistence_timeout\n}\n").services().get(0));
        assertEquals(VirtualService.of(key, "rr").withPersistence(600, 0xffffff00),
                only(base + " persistence_timeout 600\n persistence_granularity 255.255.255.0\n}\n").services().get(0));
        assertEquals(VirtualService.of(key, "rr").withPersistence(600, 0xfffff000),
                only(base + " persistence_timeout 600\n persistence_granularity 20\n}\n").services().get(0));
        assertEquals(new VirtualService(key, "rr", Set.of(ServiceFlag.PERSISTENT), 600, 0xffffffff, "sip"),
                only(base + " persistence_timeout 600\n persistence_engine sip\n}\n").services().get(0));
    }

    @Test
    void ipv6ServiceWithPrefixGranularity() {
        MappedVirtualServer vs = only("""
                virtual_server 2001:db8::100 443 {
                    lvs_sched wrr
                    lvs_method DR
                    protocol TCP
                    persistence_timeout 300
                    persistence_granularity 64
                    real_server 2001:db8::21 443 { weight 2 }
                }
                """);
        ServiceKey key = ServiceKey.tcp(ip("2001:db8::100"), 443);
        assertEquals("TCP [2001:db8::100]:443", vs.id());
        assertEquals(List.of(VirtualService.of(key, "wrr").withPersistence(300, 64)), vs.services());
        assertEquals(List.of(Destination.of(new RealServer(ip("2001:db8::21"), 443), ForwardMethod.ROUTE, 2)),
                List.copyOf(vs.destinations().values()));
    }

    @Test
    void granularityThatDoesNotFitTheFamilyIsAnErrorAtItsLine() {
        assertEquals(List.of("lvsd.conf:1: persistence_granularity 255.255.0.0 does not fit the IPv6 service"
                        + " TCP [2001:db8::100]:443 (prefix 1..128)"),
                Configs.messages("""
                        virtual_server 2001:db8::100 443 {
                            lvs_sched rr
                            lvs_method DR
                            protocol TCP
                            persistence_timeout 300
                            persistence_granularity 255.255.0.0
                        }
                        """));
    }

    @Test
    void granularityWithoutTimeoutIsWarnedAndIgnored() {
        MappedConfig m = Configs.map("""
                virtual_server 198.51.100.100 80 {
                    lvs_sched rr
                    lvs_method DR
                    protocol TCP
                    persistence_granularity 24
                }
                """);
        assertEquals(List.of(VirtualService.of(ServiceKey.tcp(ip("198.51.100.100"), 80), "rr")),
                m.virtualServers().get(0).services());
        assertEquals(List.of("lvsd.conf:1: warning: persistence_granularity and persistence_engine need"
                + " persistence_timeout; ignored for TCP 198.51.100.100:80"),
                m.diagnostics().stream().map(Object::toString).toList());
    }

    @Test
    void fwmarkServiceTakesItsFamilyFromTheRealServers() {
        MappedVirtualServer v4 = only("""
                virtual_server fwmark 1 {
                    lvs_sched rr
                    lvs_method DR
                    real_server 198.51.100.21 0 { }
                }
                """);
        assertEquals("FWM 1", v4.id());
        assertEquals(List.of(VirtualService.of(ServiceKey.fwmark(1, AddressFamily.INET), "rr")), v4.services());
        MappedVirtualServer v6 = only("""
                virtual_server fwmark 2 {
                    lvs_sched rr
                    lvs_method DR
                    real_server 2001:db8::21 0 { }
                }
                """);
        assertEquals("FWM 2 IPv6", v6.id());
        assertEquals(List.of(VirtualService.of(ServiceKey.fwmark(2, AddressFamily.INET6), "rr")), v6.services());
    }

    @Test
    void groupExpandsRangesAndFwmarksIntoServices() {
        MappedVirtualServer vs = only("""
                virtual_server_group WEB {
                    198.51.100.100-102 80
                    198.51.100.200 8080
                    fwmark 7
                }
                virtual_server group WEB {
                    lvs_sched rr
                    lvs_method DR
                    protocol TCP
                    real_server 198.51.100.21 { }
                }
                """);
        assertEquals("group WEB", vs.id());
        assertEquals(List.of(
                VirtualService.of(ServiceKey.tcp(ip("198.51.100.100"), 80), "rr"),
                VirtualService.of(ServiceKey.tcp(ip("198.51.100.101"), 80), "rr"),
                VirtualService.of(ServiceKey.tcp(ip("198.51.100.102"), 80), "rr"),
                VirtualService.of(ServiceKey.tcp(ip("198.51.100.200"), 8080), "rr"),
                VirtualService.of(ServiceKey.fwmark(7, AddressFamily.INET), "rr")), vs.services());
        Destination template = vs.destinations().get(new RealServerId(ip("198.51.100.21"), 0));
        assertEquals(new RealServer(ip("198.51.100.21"), 8080),
                MappedVirtualServer.destinationFor(vs.services().get(3), template).server());
        assertEquals(new RealServer(ip("198.51.100.21"), 0),
                MappedVirtualServer.destinationFor(vs.services().get(4), template).server());
    }

    @Test
    void ipv6GroupRangeAndCidr() {
        MappedVirtualServer vs = only("""
                virtual_server_group V6 {
                    2001:db8::10-11 53
                    2001:db8::20/127 53
                    fwmark 9 inet6
                }
                virtual_server group V6 {
                    lvs_sched rr
                    lvs_method DR
                    protocol UDP
                    ip_family inet6
                    real_server 2001:db8::53 53 { }
                }
                """);
        assertEquals(List.of(ServiceKey.udp(ip("2001:db8::10"), 53), ServiceKey.udp(ip("2001:db8::11"), 53),
                ServiceKey.udp(ip("2001:db8::20"), 53), ServiceKey.udp(ip("2001:db8::21"), 53),
                ServiceKey.fwmark(9, AddressFamily.INET6)),
                vs.services().stream().map(VirtualService::key).toList());
    }

    @Test
    void realServerOfAnotherFamilyIsAnErrorUnlessTunnelled() {
        assertEquals(List.of("lvsd.conf:8: real_server 2001:db8::21 is IPv6 but service TCP 198.51.100.100:80"
                        + " is not; only lvs_method TUN may mix address families"),
                Configs.messages("""
                        virtual_server_group MIXED {
                            198.51.100.100 80
                        }
                        virtual_server group MIXED {
                            lvs_sched rr
                            lvs_method DR
                            protocol TCP
                            real_server 2001:db8::21 80 { }
                            real_server 2001:db8::22 80 { lvs_method TUN }
                        }
                        """));
    }

    @Test
    void aServiceDeclaredTwiceIsAnError() {
        assertEquals(List.of("lvsd.conf:4: service TCP 198.51.100.100:80 is already defined at lvsd.conf:1"),
                Configs.messages("""
                        virtual_server 198.51.100.100 80 { lvs_sched rr
                        lvs_method DR
                        protocol TCP }
                        virtual_server group G { lvs_sched rr
                        lvs_method DR
                        protocol TCP }
                        virtual_server_group G { 198.51.100.100 80 }
                        """));
    }

    @Test
    void sorryServerIsAWeightOneDestinationWithItsOwnMethod() {
        MappedVirtualServer vs = only("""
                virtual_server 198.51.100.100 80 {
                    lvs_sched rr
                    lvs_method DR
                    protocol TCP
                    sorry_server 10.0.0.99 8080
                    sorry_server_lvs_method NAT
                    real_server 198.51.100.21 80 { }
                }
                """);
        assertEquals(Optional.of(Destination.of(new RealServer(ip("10.0.0.99"), 8080), ForwardMethod.MASQ, 1)),
                vs.sorryServer());
    }

    @Test
    void aGroupRangeLargerThanTheLimitIsAnError() {
        MappedConfig m = Configs.map("""
                virtual_server_group HUGE {
                    2001:db8::/64 80
                }
                virtual_server group HUGE {
                    lvs_sched rr
                    lvs_method DR
                    protocol TCP
                }
                """);
        assertEquals(List.of("lvsd.conf:2: virtual_server_group range of 18446744073709551616 addresses is larger"
                + " than 65536 services"), m.diagnostics().stream().map(Object::toString).toList());
        assertEquals(true, m.hasErrors());
        assertEquals(List.of(), m.virtualServers().get(0).services());
    }

    @Test
    void warningsAloneLeaveTheMappingUsable() {
        MappedConfig m = Configs.map("virtual_server 198.51.100.100 80 {\n lvs_sched rr ops\n lvs_method DR\n"
                + " protocol TCP\n}\n");
        assertEquals(1, m.diagnostics().size());
        assertEquals(false, m.hasErrors());
    }
}
