package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GlobalDefsReaderTest {

    private static GlobalDefs global(String body) {
        return TestConfigs.model("global_defs {\n" + body + "\n}\n").global();
    }

    @Test
    void defaultsFollowKeepalived() {
        GlobalDefs g = TestConfigs.model("").global();
        assertEquals(Optional.empty(), g.routerId());
        assertEquals("224.0.0.18", IpAddresses.format(g.mcastGroup4()));
        assertEquals("ff02::12", IpAddresses.format(g.mcastGroup6()));
        assertEquals(2, g.vrrpVersion());
        assertEquals(GarpSettings.DEFAULTS, g.garp());
        assertEquals(3, g.downTimerAdverts());
        assertEquals(LvsdSettings.DEFAULTS, g.lvsd());
        assertEquals("/tmp/lvsd.json", g.jsonDumpFile()); // keepalived.json, with lvsd's name
        assertEquals(FlushOnStop.OFF, g.lvsFlushOnStop());
    }

    @Test
    void garpLowerPriorityValuesDefaultToTheMasterOnes() {
        GlobalDefs g = global("vrrp_garp_master_delay 10\nvrrp_garp_master_repeat 3\nvrrp_garp_master_refresh 60");
        assertEquals(new GarpSettings(Duration.ofSeconds(10), 3, Duration.ofSeconds(10), 3, Duration.ofSeconds(60), 1),
                g.garp());
        GlobalDefs h = global("vrrp_garp_master_delay 10\nvrrp_garp_lower_prio_delay 2\nvrrp_garp_lower_prio_repeat 7");
        assertEquals(Duration.ofSeconds(2), h.garp().lowerPrioDelay());
        assertEquals(7, h.garp().lowerPrioRepeat());
    }

    @Test
    void readsVrrpAndLvsSettings() {
        GlobalDefs g = TestConfigs.model("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 1
                    virtual_ipaddress { 192.0.2.1 }
                }
                global_defs {
                router_id lvs1
                vrrp_version 3
                vrrp_mcast_group4 224.0.0.20
                vrrp_garp_interval 0.001
                vrrp_min_garp true
                vrrp_down_timer_adverts 5
                vrrp_lower_prio_no_advert
                vrrp_higher_prio_send_advert yes
                vrrp_check_unicast_src
                vrrp_skip_check_adv_addr
                vrrp_strict
                vrrp_startup_delay 5.5
                lvs_sync_daemon eth1 VI_1 id 7 port 9000
                lvs_timeouts tcp 900 udp 30
                lvs_flush
                lvs_flush_on_stop VS
                script_user nobody nogroup
                enable_script_security
                notify_fifo /run/k.fifo
                notify_fifo_script "/bin/reader -v" root
                checker_log_all_failures on
                dynamic_interfaces
                }
                """).global();
        assertEquals(Optional.of("lvs1"), g.routerId());
        assertEquals(3, g.vrrpVersion());
        assertEquals("224.0.0.20", IpAddresses.format(g.mcastGroup4()));
        assertEquals(Duration.ofMillis(1), g.garpInterval());
        assertEquals(true, g.minGarp());
        assertEquals(5, g.downTimerAdverts());
        assertEquals(List.of(true, true, true, true, true), List.of(g.lowerPrioNoAdvert(), g.higherPrioSendAdvert(),
                g.checkUnicastSrc(), g.skipCheckAdvAddr(), g.strict()));
        assertEquals(Duration.ofMillis(5500), g.startupDelay());
        LvsSyncDaemon sd = g.lvsSyncDaemon().orElseThrow();
        assertEquals(List.of("eth1", "VI_1", "7", "9000", "224.0.0.81"), List.of(sd.iface(), sd.instance().orElseThrow(),
                sd.syncId().orElseThrow().toString(), Integer.toString(sd.port()), sd.group()));
        assertEquals(new LvsTimeouts(Optional.of(Duration.ofSeconds(900)), Optional.empty(),
                Optional.of(Duration.ofSeconds(30))), g.lvsTimeouts());
        assertEquals(true, g.lvsFlush());
        assertEquals(FlushOnStop.VS, g.lvsFlushOnStop());
        assertEquals(Optional.of("nobody"), g.scriptUser());
        assertEquals(Optional.of("nogroup"), g.scriptGroup());
        assertEquals(true, g.enableScriptSecurity());
        Fifo f = g.notifyFifo().orElseThrow();
        assertEquals("/run/k.fifo", f.path());
        assertEquals(new Command(List.of("/bin/reader", "-v"), Optional.of("root"), Optional.empty(),
                new Where("lvsd.conf", 26)),
                f.script().orElseThrow());
        assertEquals(true, g.checkerLogAllFailures());
        assertEquals(true, g.dynamicInterfaces());
    }

    @Test
    void storesSmtpSettings() {
        GlobalDefs g = global("""
                notification_email {
                    ops@example.com
                    noc@example.com
                }
                notification_email_from lvs@example.com
                smtp_server 192.0.2.25 2525
                smtp_connect_timeout 10
                smtp_alert
                """);
        Smtp s = g.smtp();
        assertEquals(List.of("ops@example.com", "noc@example.com"), s.notificationEmail());
        assertEquals(Optional.of("lvs@example.com"), s.from());
        assertEquals(Optional.of(new HostPort("192.0.2.25", 2525)), s.server());
        assertEquals(Duration.ofSeconds(10), s.connectTimeout());
        assertEquals(true, s.alert());
    }

    @Test
    void readsLvsdExtensions() {
        GlobalDefs g = global("lvs_driver userspace\ncontrol_socket /tmp/l.sock\nmetrics_listen [::1]:9100\n"
                + "lvs_reconcile_interval 2.5");
        assertEquals(new LvsdSettings(LvsDriver.USERSPACE, "/tmp/l.sock", new HostPort("::1", 9100),
                Duration.ofMillis(2500)), g.lvsd());
    }

    @Test
    void lvsdExtensionsDefaultAndDumpFilesCarryLvsdsName() {
        GlobalDefs g = global("router_id x");
        assertEquals(LvsdSettings.DEFAULTS, g.lvsd());
        assertEquals(Duration.ofSeconds(30), g.lvsd().reconcileInterval());
        assertEquals("/tmp/lvsd.data", g.stateDumpFile());
        assertEquals("/tmp/lvsd.stats", g.statsDumpFile());
    }

    @Test
    void zeroReconcileIntervalIsAnErrorWithItsLine() {
        assertEquals(List.of("lvsd.conf:2: lvs_reconcile_interval must be more than 0 seconds"),
                TestConfigs.messages("global_defs {\nlvs_reconcile_interval 0\n}"));
    }

    @Test
    void keywordsWithoutEffectAreWarnedAndUnsupportedOnesToo() {
        assertEquals(List.of("lvsd.conf:2: warning: 'enable_snmp_vrrp' accepted but has no effect in lvsd",
                "lvsd.conf:3: warning: 'vrrp_rt_priority' accepted but has no effect in lvsd",
                "lvsd.conf:4: warning: 'nftables' is not supported by lvsd and is ignored"),
                TestConfigs.messages("global_defs {\nenable_snmp_vrrp\nvrrp_rt_priority 50\nnftables\n}"));
    }

    @Test
    void fifoScriptWithoutItsFifoIsWarned() {
        assertEquals(List.of("lvsd.conf:2: warning: FIFO script given without its FIFO, ignored"),
                TestConfigs.messages("global_defs {\nvrrp_notify_fifo_script /bin/reader\n}"));
        assertEquals(Optional.empty(), TestConfigs.model("global_defs {\nvrrp_notify_fifo_script /bin/reader\n}")
                .global().vrrpNotifyFifo());
    }

    @Test
    void smtpAlertSwitchesDefaultInstancesAndServers() {
        KeepalivedConfig c = TestConfigs.model("""
                global_defs {
                    smtp_alert
                    smtp_alert_vrrp off
                }
                vrrp_instance A {
                    interface eth0
                    virtual_router_id 1
                    virtual_ipaddress { 192.0.2.1 }
                }
                vrrp_instance B {
                    interface eth0
                    virtual_router_id 2
                    virtual_ipaddress { 192.0.2.2 }
                    smtp_alert
                }
                virtual_server 192.0.2.1 80 {
                    protocol TCP
                    real_server 10.0.0.1 80 {
                    }
                    real_server 10.0.0.2 80 {
                        smtp_alert no
                    }
                }
                """);
        assertEquals(List.of(false, true), List.of(c.instances().get("A").smtpAlert(), c.instances().get("B").smtpAlert()));
        VirtualServer vs = c.virtualServers().get(0);
        assertEquals(List.of(true, true, false), List.of(vs.smtpAlert(), vs.realServers().get(0).smtpAlert(),
                vs.realServers().get(1).smtpAlert()));
    }
}
