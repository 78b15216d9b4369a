package org.lvsd.controller.vrrp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.vrrp.InstanceMappingTest.load;

import java.net.InetAddress;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.netlink.route.Scope;
import org.lvsd.vrrp.addr.VipSpec;

class VipMappingTest {

    @Test
    void mapsOptionsThenExcludedAddresses() throws Exception {
        KeepalivedConfig c = load("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    virtual_ipaddress {
                        198.51.100.100/24 brd 198.51.100.255 dev eth1 scope link label eth1:vip
                        198.51.100.101
                    }
                    virtual_ipaddress_excluded {
                        198.51.100.102/24
                    }
                }
                """);
        assertEquals(List.of(
                VipSpec.of(ip("198.51.100.100"), 24).withScope(Scope.LINK).withDevice("eth1").withLabel("eth1:vip")
                        .withBroadcast(ip("198.51.100.255")),
                VipSpec.of(ip("198.51.100.101"), 32).withDevice("eth0"),
                VipSpec.of(ip("198.51.100.102"), 24).withDevice("eth0").asExcluded()),
                VipMapping.vips(c.instances().get("VI_1")));
    }

    @Test
    void ipv6PreferredLifetimeZeroDeprecatesAndDefaultDeprecatesOnlySlash128() throws Exception {
        KeepalivedConfig c = load("""
                vrrp_instance VI_6 {
                    interface eth0
                    virtual_router_id 1
                    virtual_ipaddress {
                        2001:db8::100/64 preferred_lft 0
                        2001:db8::101/64
                        2001:db8::102
                    }
                }
                """);
        assertEquals(List.of(
                VipSpec.of(ip("2001:db8::100"), 64).withDevice("eth0").withDeprecated(true),
                VipSpec.of(ip("2001:db8::101"), 64).withDevice("eth0"),
                VipSpec.of(ip("2001:db8::102"), 128).withDevice("eth0")), VipMapping.vips(c.instances().get("VI_6")));
    }

    @Test
    void noVirtualIpaddressKeepsOnlyExcluded() throws Exception {
        KeepalivedConfig c = load("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    no_virtual_ipaddress
                    virtual_ipaddress_excluded {
                        198.51.100.102
                    }
                }
                """);
        assertEquals(List.of(VipSpec.of(ip("198.51.100.102"), 32).withDevice("eth0").asExcluded()),
                VipMapping.vips(c.instances().get("VI_1")));
    }

    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }
}
