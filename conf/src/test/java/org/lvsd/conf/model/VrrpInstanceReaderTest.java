package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VrrpInstanceReaderTest {

    private static final String BASE = "interface eth0\nvirtual_router_id 51\nvirtual_ipaddress { 192.0.2.10 }\n";

    private static VrrpInstance instance(String body) {
        return TestConfigs.model("vrrp_instance VI_1 {\n" + BASE + body + "\n}\n").instances().get("VI_1");
    }

    private static List<String> messages(String body) {
        return TestConfigs.messages("vrrp_instance VI_1 {\n" + BASE + body + "\n}\n");
    }

    @Test
    void defaultsAreBackupPriority100AdvertOneSecondVersion2() {
        VrrpInstance i = instance("");
        assertEquals(VrrpInstance.State.BACKUP, i.initialState());
        assertEquals(100, i.priority());
        assertEquals(Duration.ofSeconds(1), i.advertInt());
        assertEquals(2, i.version());
        assertEquals(AddressFamily.INET, i.family());
        assertEquals(false, i.nopreempt());
        assertEquals(true, i.accept());
        assertEquals(255, i.unicastTtl());
        assertEquals("224.0.0.18", IpAddresses.format(i.multicastGroup()));
        assertEquals(GarpSettings.DEFAULTS, i.garp());
        assertEquals(3, i.downTimerAdverts());
    }

    @Test
    void stateMasterWithoutPriorityMeansPriority255() {
        VrrpInstance i = instance("state MASTER");
        assertEquals(255, i.priority());
        assertEquals(VrrpInstance.State.MASTER, i.initialState());
    }

    @Test
    void priority255WithoutStateStartsAsMaster() {
        assertEquals(VrrpInstance.State.MASTER, instance("priority 255").initialState());
        assertEquals(VrrpInstance.State.BACKUP, instance("priority 254").initialState());
    }

    @Test
    void stateMasterClearsNopreemptAndPreemptDelayWithAWarning() {
        VrrpInstance i = instance("state MASTER\npriority 150\nnopreempt\npreempt_delay 10");
        assertEquals(false, i.nopreempt());
        assertEquals(Duration.ZERO, i.preemptDelay());
        assertEquals(List.of("lvsd.conf:1: warning: (VI_1) nopreempt and preempt_delay do not work with initial "
                + "state MASTER, cleared"), messages("state MASTER\npriority 150\nnopreempt\npreempt_delay 10"));
    }

    @Test
    void legacyPreemptClearsNopreempt() {
        assertEquals(true, instance("nopreempt").nopreempt());
        assertEquals(false, instance("nopreempt\npreempt").nopreempt());
    }

    @Test
    void advertIntIsRoundedToWholeSecondsForVersion2() {
        assertEquals(Duration.ofSeconds(2), instance("advert_int 1.5").advertInt());
        assertEquals(List.of("lvsd.conf:6: warning: (VI_1) advert_int 1.5 rounded to 2 s: VRRP version 2 uses "
                + "whole seconds"), messages("\nadvert_int 1.5"));
    }

    @Test
    void advertIntBelowOneSecondIsOneSecondForVersion2() {
        assertEquals(Duration.ofSeconds(1), instance("advert_int 0.2").advertInt());
        assertEquals(List.of("lvsd.conf:5: warning: (VI_1) advert_int 0.2 is below 1 s for VRRP version 2, using 1"),
                messages("advert_int 0.2"));
    }

    @Test
    void advertIntKeepsCentisecondsForVersion3() {
        assertEquals(Duration.ofMillis(250), instance("version 3\nadvert_int 0.25").advertInt());
        assertEquals(Duration.ofMillis(40950), instance("version 3\nadvert_int 40.95").advertInt());
    }

    @Test
    void ipv6AddressesForceVersion3() {
        VrrpInstance i = TestConfigs.model("vrrp_instance V6 {\ninterface eth0\nvirtual_router_id 9\nversion 2\n"
                + "virtual_ipaddress { fe80::1/64 2001:db8::10/64 }\n}").instances().get("V6");
        assertEquals(3, i.version());
        assertEquals(AddressFamily.INET6, i.family());
        assertEquals("ff02::12", IpAddresses.format(i.multicastGroup()));
        assertEquals(List.of("lvsd.conf:1: warning: (V6) IPv6 instances use VRRP version 3, version 2 ignored"),
                TestConfigs.messages("vrrp_instance V6 {\ninterface eth0\nvirtual_router_id 9\nversion 2\n"
                        + "virtual_ipaddress { fe80::1/64 2001:db8::10/64 }\n}"));
        assertEquals(List.of("fe80::1/64", "2001:db8::10/64"),
                i.virtualAddresses().stream().map(v -> v.address().toString()).toList());
    }

    @Test
    void virtualAddressOptionsAndSeveralAddressesPerLine() {
        VrrpInstance i = TestConfigs.model("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    virtual_ipaddress {
                        192.0.2.10/24 brd 192.0.2.255 dev eth1 scope global label eth1:vip no_track 192.0.2.11
                        192.0.2.12 peer 192.0.2.99/32 home -nodad preferred_lft forever
                    }
                    virtual_ipaddress_excluded { 2001:db8::5 }
                }
                """).instances().get("VI_1");
        List<VirtualAddress> v = i.virtualAddresses();
        assertEquals(3, v.size());
        VirtualAddress a = v.get(0);
        assertEquals("192.0.2.10/24", a.address().toString());
        assertEquals(Optional.of("192.0.2.255"), a.broadcast());
        assertEquals(Optional.of("eth1"), a.dev());
        assertEquals(Optional.of("global"), a.scope());
        assertEquals(Optional.of("eth1:vip"), a.label());
        assertEquals(true, a.noTrack());
        assertEquals("192.0.2.11/32", v.get(1).address().toString());
        assertEquals(false, v.get(1).noTrack());
        VirtualAddress c = v.get(2);
        assertEquals("192.0.2.99/32", c.peer().orElseThrow().toString());
        assertEquals(List.of(true, true), List.of(c.home(), c.nodad()));
        assertEquals(Optional.of("forever"), c.preferredLft());
        assertEquals(new Where("lvsd.conf", 6), c.where());
        assertEquals("2001:db8::5/128", i.excludedAddresses().get(0).address().toString());
    }

    @Test
    void virtualRoutesAreParsedAndKeptRaw() {
        VrrpInstance i = instance("""
                virtual_routes {
                    src 192.168.100.1 to 192.168.109.0/24 via 192.168.200.254 dev eth1
                    blackhole 192.168.114.0/24
                    0.0.0.0/0 gw 192.168.0.1 table 100 metric 5 no_track
                }
                virtual_rules {
                    from 192.168.2.0/24 table 100
                }
                """);
        VirtualRoute r = i.virtualRoutes().get(0);
        assertEquals(RouteType.UNICAST, r.type());
        assertEquals("192.168.109.0/24", r.dst().orElseThrow().toString());
        assertEquals("192.168.100.1", IpAddresses.format(r.src().orElseThrow()));
        assertEquals("192.168.200.254", IpAddresses.format(r.via().orElseThrow()));
        assertEquals(Optional.of("eth1"), r.dev());
        VirtualRoute b = i.virtualRoutes().get(1);
        assertEquals(RouteType.BLACKHOLE, b.type());
        assertEquals(List.of("blackhole", "192.168.114.0/24"), b.words());
        VirtualRoute g = i.virtualRoutes().get(2);
        assertEquals("0.0.0.0/0", g.dst().orElseThrow().toString());
        assertEquals(Optional.of("100"), g.table());
        assertEquals(Optional.of(5L), g.metric());
        assertEquals(true, g.noTrack());
        assertEquals(List.of("from", "192.168.2.0/24", "table", "100"), i.virtualRules().get(0).words());
    }

    @Test
    void trackingListsTakeWeightsAndReverse() {
        VrrpInstance i = TestConfigs.model("""
                vrrp_script chk_a { script "/bin/true" }
                vrrp_script chk_b { script "/bin/true" }
                track_file tf { file /run/tf }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    virtual_ipaddress { 192.0.2.10 }
                    track_interface { eth1 eth2 weight -20 reverse }
                    track_script {
                        chk_a weight 10 chk_b noreverse
                    }
                    track_file { tf weight -5 reverse }
                    dont_track_primary
                }
                """).instances().get("VI_1");
        assertEquals(List.of(new TrackInterface("eth1", 0, false, new Where("lvsd.conf", 8)),
                new TrackInterface("eth2", -20, true, new Where("lvsd.conf", 8))), i.trackInterfaces());
        assertEquals(List.of(new TrackRef("chk_a", Optional.of(10), false, new Where("lvsd.conf", 10)),
                new TrackRef("chk_b", Optional.empty(), false, new Where("lvsd.conf", 10))), i.trackScripts());
        assertEquals(List.of(new TrackRef("tf", Optional.of(-5), true, new Where("lvsd.conf", 12))), i.trackFiles());
        assertEquals(true, i.dontTrackPrimary());
    }

    @Test
    void unicastPeersWithTtlLimitsImplyCheckUnicastSrc() {
        VrrpInstance i = TestConfigs.model("""
                vrrp_instance U {
                    virtual_router_id 7
                    unicast_src_ip 198.51.100.1
                    unicast_peer {
                        198.51.100.2 min_ttl 250 198.51.100.3
                    }
                    virtual_ipaddress { 198.51.100.100 }
                }
                """).instances().get("U");
        assertEquals(Optional.empty(), i.iface());
        assertEquals(true, i.unicast());
        assertEquals(List.of("198.51.100.2", "198.51.100.3"),
                i.unicastPeers().stream().map(p -> IpAddresses.format(p.address())).toList());
        assertEquals(Optional.of(250), i.unicastPeers().get(0).minTtl());
        assertEquals(true, i.checkUnicastSrc());
    }

    @Test
    void authenticationPasswordIsCutToEightCharacters() {
        VrrpInstance i = instance("authentication {\nauth_type PASS\nauth_pass secret123456\n}");
        assertEquals(new Authentication(Authentication.Type.PASS, "secret12", new Where("lvsd.conf", 5)),
                i.authentication().orElseThrow());
        assertEquals(List.of("lvsd.conf:7: warning: auth_pass is longer than 8 characters, only 'secret12' is used"),
                messages("authentication {\nauth_type PASS\nauth_pass secret123456\n}"));
    }

    @Test
    void notifyScriptsAreSplitIntoArgvWithUserAndGroup() {
        VrrpInstance i = instance("""
                notify_master "/etc/lvsd/master.sh 'two words' x" root :wheel
                notify "/etc/lvsd/notify.sh"
                notify_fault /etc/lvsd/fault.sh nobody:nogroup
                """);
        assertEquals(new Command(List.of("/etc/lvsd/master.sh", "two words", "x"), Optional.of("root"),
                Optional.of("wheel"), new Where("lvsd.conf", 5)), i.notifyScripts().master().orElseThrow());
        assertEquals(List.of("/etc/lvsd/notify.sh"), i.notifyScripts().any().orElseThrow().argv());
        assertEquals(new Command(List.of("/etc/lvsd/fault.sh"), Optional.of("nobody"), Optional.of("nogroup"),
                new Where("lvsd.conf", 7)),
                i.notifyScripts().fault().orElseThrow());
    }

    @Test
    void instanceGarpAndAdvertSettingsOverrideGlobals() {
        VrrpInstance i = TestConfigs.model("""
                global_defs {
                    vrrp_garp_master_delay 10
                    vrrp_lower_prio_no_advert
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 51
                    virtual_ipaddress { 192.0.2.10 }
                    garp_master_repeat 2
                    higher_prio_send_advert true
                    lower_prio_no_advert false
                    use_vmac vrrp51
                    no_accept
                    mcast_dst_ip 224.0.0.99
                }
                """).instances().get("VI_1");
        assertEquals(Duration.ofSeconds(10), i.garp().masterDelay());
        assertEquals(2, i.garp().masterRepeat());
        assertEquals(2, i.garp().lowerPrioRepeat());
        assertEquals(false, i.lowerPrioNoAdvert());
        assertEquals(true, i.higherPrioSendAdvert());
        assertEquals(Optional.of("vrrp51"), i.vmacName());
        assertEquals(false, i.accept());
        assertEquals("224.0.0.99", IpAddresses.format(i.multicastGroup()));
    }

    @Test
    void strictModeDisablesAcceptUnlessOwner() {
        assertEquals(false, instance("strict_mode").accept());
        assertEquals(true, instance("strict_mode\npriority 255").accept());
    }

    @Test
    void syncGroupReadsMembersTrackingAndNotify() {
        SyncGroup g = TestConfigs.model("""
                vrrp_sync_group G1 {
                    group {
                        VI_1
                        VI_2
                    }
                    notify_master /bin/m
                    smtp_alert
                    sync_group_tracking_weight
                }
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    virtual_ipaddress { 192.0.2.1 }
                }
                vrrp_instance VI_2 {
                    interface eth1
                    virtual_router_id 1
                    virtual_ipaddress { 192.0.2.2 }
                }
                """).syncGroups().get("G1");
        assertEquals(List.of("VI_1", "VI_2"), g.members());
        assertEquals(List.of("/bin/m"), g.notifyScripts().master().orElseThrow().argv());
        assertEquals(true, g.smtpAlert());
        assertEquals(true, g.trackingWeight());
    }

    @Test
    void addressesWithoutDevUseTheInstanceInterface() {
        VrrpInstance i = instance("virtual_ipaddress_excluded { 192.0.2.20 dev eth9 }");
        assertEquals(Optional.of("eth0"), i.virtualAddresses().get(0).dev());
        assertEquals(Optional.of("eth9"), i.excludedAddresses().get(0).dev());
    }

    @Test
    void addressesBeyond255AreHandledAsExcluded() {
        StringBuilder vips = new StringBuilder("virtual_ipaddress {\n");
        for (int n = 0; n < 256; n++) {
            vips.append("10.1.").append(n / 200).append('.').append(n % 200 + 1).append('\n');
        }
        String text = "vrrp_instance VI_1 {\ninterface eth0\nvirtual_router_id 51\n" + vips + "}\n}\n";
        VrrpInstance i = TestConfigs.model(text).instances().get("VI_1");
        assertEquals(255, i.virtualAddresses().size());
        assertEquals(List.of("10.1.1.56/32"), i.excludedAddresses().stream().map(v -> v.address().toString()).toList());
        assertEquals(List.of("lvsd.conf:260: warning: (VI_1) more than 255 virtual_ipaddress entries, the rest are "
                + "handled as virtual_ipaddress_excluded"), TestConfigs.messages(text));
    }

    @Test
    void strictModeForcesRfcAdvertBehaviourAndWarnsAboutOverrides() {
        VrrpInstance i = instance("strict_mode\nhigher_prio_send_advert\nlower_prio_no_advert off\naccept");
        assertEquals(List.of(true, false, false),
                List.of(i.lowerPrioNoAdvert(), i.higherPrioSendAdvert(), i.accept()));
        assertEquals(List.of("lvsd.conf:1: warning: (VI_1) strict mode does not allow accept with VRRP version 2, cleared",
                "lvsd.conf:1: warning: (VI_1) strict mode requires lower_prio_no_advert, set",
                "lvsd.conf:1: warning: (VI_1) strict mode does not allow higher_prio_send_advert, cleared"),
                messages("strict_mode\nhigher_prio_send_advert\nlower_prio_no_advert off\naccept"));
    }

    @Test
    void strictModeRejectsUnicastAuthenticationAndGlobalFirstIpv6Vip() {
        assertEquals(List.of("lvsd.conf:8: (VI_1) unicast_peer is not allowed in strict mode"),
                errors(VI_STRICT + "unicast_peer { 192.0.2.2 }\n}"));
        assertEquals(List.of("lvsd.conf:8: (VI_1) authentication is not allowed in strict mode"),
                errors(VI_STRICT + "authentication {\nauth_type PASS\nauth_pass x\n}\n}"));
        assertEquals(List.of("lvsd.conf:4: (VI_1) strict mode requires the first IPv6 virtual_ipaddress to be "
                + "link-local, got 2001:db8::1/128"), errors("vrrp_instance VI_1 {\ninterface eth0\n"
                + "virtual_router_id 51\nvirtual_ipaddress { 2001:db8::1 }\nstrict_mode\n}"));
    }

    private static final String VI_STRICT = "global_defs {\nvrrp_strict\n}\n" + "vrrp_instance VI_1 {\n"
            + "interface eth0\nvirtual_router_id 51\nvirtual_ipaddress { 192.0.2.10 }\n";

    private static List<String> errors(String text) {
        return TestConfigs.load(text).diagnostics().stream().filter(org.lvsd.conf.Diagnostic::isError)
                .map(Object::toString).toList();
    }
}
