package org.lvsd.controller.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.VrrpInstance;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.codec.AuthType;
import org.lvsd.vrrp.codec.VrrpVersion;
import org.lvsd.vrrp.config.GarpParams;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.track.TrackerSpec;

class InstanceMappingTest {

    static KeepalivedConfig load(String text) {
        ConfigLoader.LoadResult r = ConfigLoader.load(text, "test.conf", ParseOptions.defaults());
        assertFalse(r.hasErrors(), r.diagnostics().toString());
        return r.config().orElseThrow();
    }

    private static InetAddress ip(String s) throws IOException {
        return InetAddress.getByName(s);
    }

    @Test
    void mapsEveryV2FieldWithGlobalStartupDelay() throws IOException {
        KeepalivedConfig c = load("""
                global_defs {
                    vrrp_startup_delay 2.5
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    priority 150
                    advert_int 2
                    preempt_delay 7
                    down_timer_adverts 5
                    lower_prio_no_advert
                    higher_prio_send_advert
                    garp_master_delay 3
                    garp_master_repeat 2
                    garp_master_refresh 60
                    garp_lower_prio_repeat 4
                    authentication {
                        auth_type PASS
                        auth_pass secret12
                    }
                    virtual_ipaddress {
                        198.51.100.100/24
                        198.51.100.101
                    }
                }
                """);
        InstanceParams p = InstanceMapping.params(c.instances().get("VI_1"), c, ip("198.51.100.2"));
        assertEquals("VI_1", p.name());
        assertEquals(51, p.vrid());
        assertEquals(VrrpVersion.V2, p.version());
        assertEquals(AddressFamily.INET, p.family());
        assertEquals(150, p.priority());
        assertEquals(Duration.ofSeconds(2), p.advertInterval());
        assertTrue(p.preempt());
        assertEquals(Duration.ofSeconds(7), p.preemptDelay());
        assertEquals(5, p.downTimerAdverts());
        assertTrue(p.lowerPrioNoAdvert());
        assertTrue(p.higherPrioSendAdvert());
        // garp_lower_prio_delay defaults to garp_master_delay (keepalived)
        assertEquals(new GarpParams(Duration.ofSeconds(3), 2, Duration.ofSeconds(60), 1, Duration.ofSeconds(3), 4),
                p.garp());
        assertEquals(AuthType.PASS, p.auth().type());
        assertEquals(List.of(ip("198.51.100.100"), ip("198.51.100.101")), p.vips());
        assertEquals(ip("198.51.100.2"), p.primaryAddress());
        assertEquals(Duration.ofMillis(2500), p.startupDelay());
        assertEquals(List.of(TrackerSpec.iface("eth0", 0)), p.trackers());
        assertFalse(p.unicast());
    }

    @Test
    void mapsV3SubSecondNopreemptAndNoVirtualIpaddress() throws IOException {
        KeepalivedConfig c = load("""
                vrrp_instance VI_3 {
                    interface eth0
                    version 3
                    virtual_router_id 7
                    advert_int 0.1
                    nopreempt
                    no_virtual_ipaddress
                    dont_track_primary
                }
                """);
        InstanceParams p = InstanceMapping.params(c.instances().get("VI_3"), c, ip("198.51.100.2"));
        assertEquals(VrrpVersion.V3, p.version());
        assertEquals(Duration.ofMillis(100), p.advertInterval());
        assertFalse(p.preempt());
        assertEquals(List.of(), p.vips());
        assertEquals(List.of(), p.trackers());
        assertEquals(Duration.ZERO, p.startupDelay());
    }

    @Test
    void ipv6InstanceIsV3FromTheLinkLocalAddress() throws IOException {
        KeepalivedConfig c = load("""
                vrrp_instance VI_6 {
                    interface eth0
                    virtual_router_id 9
                    virtual_ipaddress {
                        2001:db8::100/64
                    }
                }
                """);
        VrrpInstance vi = c.instances().get("VI_6");
        InterfaceAddresses table = (iface, family) -> Optional.of(
                family == AddressFamily.INET6 ? ip("fe80::51:ff:fe00:2") : ip("198.51.100.2"));
        InetAddress primary = InstanceMapping.primaryAddress(vi, table);
        assertEquals(ip("fe80::51:ff:fe00:2"), primary);
        InstanceParams p = InstanceMapping.params(vi, c, primary);
        assertEquals(VrrpVersion.V3, p.version());
        assertEquals(AddressFamily.INET6, p.family());
        assertEquals(List.of(ip("2001:db8::100")), p.vips());
    }

    @Test
    void sourceAddressWinsOverTheInterfaceLookup() throws IOException {
        KeepalivedConfig c = load("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    mcast_src_ip 198.51.100.9
                    virtual_ipaddress {
                        198.51.100.100
                    }
                }
                """);
        InterfaceAddresses failing = (iface, family) -> {
            throw new IOException("must not be asked");
        };
        assertEquals(ip("198.51.100.9"), InstanceMapping.primaryAddress(c.instances().get("VI_1"), failing));
    }

    @Test
    void interfaceWithoutAddressIsANamedError() {
        KeepalivedConfig c = load("""
                vrrp_instance VI_1 {
                    interface eth7
                    virtual_router_id 1
                    virtual_ipaddress {
                        198.51.100.100
                    }
                }
                """);
        IOException e = assertThrows(IOException.class, () -> InstanceMapping.primaryAddress(
                c.instances().get("VI_1"), (iface, family) -> Optional.empty()));
        assertEquals("interface eth7 has no IPv4 address", e.getMessage());
    }

    @Test
    void unicastPeersGiveTheWidestTtlRange() throws IOException {
        KeepalivedConfig c = load("""
                vrrp_instance VI_U {
                    interface eth0
                    virtual_router_id 3
                    unicast_src_ip 198.51.100.2
                    unicast_peer {
                        198.51.100.3 min_ttl 250 max_ttl 252
                        198.51.100.4 min_ttl 200 max_ttl 254
                    }
                    virtual_ipaddress {
                        198.51.100.100
                    }
                }
                """);
        InstanceParams p = InstanceMapping.params(c.instances().get("VI_U"), c, ip("198.51.100.2"));
        assertEquals(List.of(ip("198.51.100.3"), ip("198.51.100.4")), p.unicastPeers());
        assertEquals(200, p.unicastMinTtl());
        assertEquals(254, p.unicastMaxTtl());
        assertTrue(p.checkUnicastSource());
    }

    @Test
    void stateMasterWithoutPriorityIsAnOwnerMasterAtStartAndMcastDstIpIsTheGroup() throws IOException {
        KeepalivedConfig c = load("""
                vrrp_instance VI_M {
                    state MASTER
                    interface eth0
                    virtual_router_id 4
                    mcast_dst_ip 224.0.0.19
                    virtual_ipaddress {
                        198.51.100.100
                    }
                }
                vrrp_instance VI_B {
                    state BACKUP
                    interface eth0
                    virtual_router_id 5
                    priority 255
                    virtual_ipaddress {
                        198.51.100.101
                    }
                }
                vrrp_instance VI_150 {
                    state MASTER
                    interface eth0
                    virtual_router_id 6
                    priority 150
                    virtual_ipaddress {
                        198.51.100.102
                    }
                }
                """);
        InstanceParams m = InstanceMapping.params(c.instances().get("VI_M"), c, ip("198.51.100.2"));
        assertEquals(255, m.priority());
        assertTrue(m.masterAtStart());
        assertEquals(ip("224.0.0.19"), m.multicastGroup());
        InstanceParams b = InstanceMapping.params(c.instances().get("VI_B"), c, ip("198.51.100.2"));
        assertFalse(b.masterAtStart());
        assertEquals(ip("224.0.0.18"), b.multicastGroup());
        InstanceParams p150 = InstanceMapping.params(c.instances().get("VI_150"), c, ip("198.51.100.2"));
        assertTrue(p150.initialMaster());
        assertFalse(p150.masterAtStart());
    }
}
