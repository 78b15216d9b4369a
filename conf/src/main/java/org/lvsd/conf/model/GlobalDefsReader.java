package org.lvsd.conf.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code global_defs} blocks (keepalived.conf(5) "GLOBAL CONFIGURATION"). */
final class GlobalDefsReader {

    private final Diags d;
    private Optional<String> routerId = Optional.empty();
    private InetAddress mcast4 = IpAddresses.parse("224.0.0.18").orElseThrow();
    private InetAddress mcast6 = IpAddresses.parse("ff02::12").orElseThrow();
    private int version = 2;
    private final GarpReader garp = new GarpReader();
    private Duration garpInterval = Duration.ZERO;
    private Duration gnaInterval = Duration.ZERO;
    private boolean minGarp;
    private int downTimerAdverts = 3;
    private boolean lowerPrioNoAdvert;
    private boolean higherPrioSendAdvert;
    private boolean checkUnicastSrc;
    private boolean skipCheckAdvAddr;
    private boolean strict;
    private Duration startupDelay = Duration.ZERO;
    private boolean notifyPriorityChanges;
    private boolean v3ChecksumAsV2;
    private Optional<LvsSyncDaemon> syncDaemon = Optional.empty();
    private LvsTimeouts timeouts = LvsTimeouts.NONE;
    private boolean lvsFlush;
    private FlushOnStop flushOnStop = FlushOnStop.OFF;
    private Optional<String> scriptUser = Optional.empty();
    private Optional<String> scriptGroup = Optional.empty();
    private boolean scriptSecurity;
    private final FifoReader notifyFifo = new FifoReader();
    private final FifoReader vrrpFifo = new FifoReader();
    private final FifoReader lvsFifo = new FifoReader();
    private String stateDump = "/tmp/lvsd.data";
    private String statsDump = "/tmp/lvsd.stats";
    private String jsonDump = "/tmp/lvsd.json";
    private boolean checkerLogAll;
    private boolean dynamicInterfaces;
    private final List<String> emails = new ArrayList<>();
    private Optional<String> emailFrom = Optional.empty();
    private Optional<HostPort> smtpServer = Optional.empty();
    private Optional<String> heloName = Optional.empty();
    private Duration smtpTimeout = Duration.ofSeconds(30);
    private boolean smtpAlert;
    private Optional<Boolean> smtpAlertVrrp = Optional.empty();
    private Optional<Boolean> smtpAlertChecker = Optional.empty();
    private boolean noEmailFaults;
    private LvsdSettings lvsd = LvsdSettings.DEFAULTS;

    GlobalDefsReader(Diags d) {
        this.d = d;
    }

    void read(Stmt block) {
        BlockWalker.walk(Block.GLOBAL_DEFS, block.children(), d, this::statement);
    }

    private void statement(Stmt s) {
        if (garp.accept(s, "vrrp_garp_", d)) {
            return;
        }
        switch (s.keyword()) {
            case "router_id" -> routerId = Optional.of(s.arg(0));
            case "vrrp_mcast_group4" -> multicast(s, AddressFamily.INET).ifPresent(a -> mcast4 = a);
            case "vrrp_mcast_group6" -> multicast(s, AddressFamily.INET6).ifPresent(a -> mcast6 = a);
            case "vrrp_version" -> Values.integer(s, 0, 2, 3, d).ifPresent(v -> version = v);
            case "vrrp_garp_interval" -> Values.timer(s, 0, d).ifPresent(t -> garpInterval = t);
            case "vrrp_gna_interval" -> Values.timer(s, 0, d).ifPresent(t -> gnaInterval = t);
            case "vrrp_min_garp" -> minGarp = Values.flag(s, d, minGarp);
            case "vrrp_down_timer_adverts" -> Values.integer(s, 0, 1, 100, d).ifPresent(v -> downTimerAdverts = v);
            case "vrrp_lower_prio_no_advert" -> lowerPrioNoAdvert = Values.flag(s, d, lowerPrioNoAdvert);
            case "vrrp_higher_prio_send_advert" -> higherPrioSendAdvert = Values.flag(s, d, higherPrioSendAdvert);
            case "vrrp_check_unicast_src" -> checkUnicastSrc = true;
            case "vrrp_skip_check_adv_addr" -> skipCheckAdvAddr = Values.flag(s, d, skipCheckAdvAddr);
            case "vrrp_strict" -> strict = true;
            case "vrrp_startup_delay" -> Values.timer(s, 0, d).ifPresent(t -> startupDelay = t);
            case "vrrp_notify_priority_changes" -> notifyPriorityChanges = Values.flag(s, d, notifyPriorityChanges);
            case "v3_checksum_as_v2" -> v3ChecksumAsV2 = Values.flag(s, d, v3ChecksumAsV2);
            case "lvs_sync_daemon" -> syncDaemon = SyncDaemonReader.read(s, d);
            case "lvs_timeouts" -> timeouts = timeouts(s);
            case "lvs_flush" -> lvsFlush = true;
            case "lvs_flush_on_stop", "lvs_flush_onstop" -> flushOnStop = flushOnStop(s);
            case "script_user" -> {
                scriptUser = Optional.of(s.arg(0));
                scriptGroup = s.size() > 1 ? Optional.of(s.arg(1).replaceFirst("^:", "")) : Optional.empty();
            }
            case "enable_script_security" -> scriptSecurity = true;
            case "notify_fifo" -> notifyFifo.path(s);
            case "notify_fifo_script" -> notifyFifo.script(s, d);
            case "vrrp_notify_fifo" -> vrrpFifo.path(s);
            case "vrrp_notify_fifo_script" -> vrrpFifo.script(s, d);
            case "lvs_notify_fifo" -> lvsFifo.path(s);
            case "lvs_notify_fifo_script" -> lvsFifo.script(s, d);
            case "state_dump_file" -> stateDump = s.arg(0);
            case "stats_dump_file" -> statsDump = s.arg(0);
            case "json_dump_file" -> jsonDump = s.arg(0);
            case "checker_log_all_failures" -> checkerLogAll = Values.flag(s, d, checkerLogAll);
            case "dynamic_interfaces" -> dynamicInterfaces = true;
            default -> smtpOrLvsd(s);
        }
    }

    private void smtpOrLvsd(Stmt s) {
        switch (s.keyword()) {
            case "notification_email" -> {
                s.args().forEach(emails::add);
                s.children().forEach(n -> {
                    Stmt e = Stmt.of(n);
                    emails.add(e.keyword());
                    emails.addAll(e.args());
                });
            }
            case "notification_email_from" -> emailFrom = Optional.of(s.arg(0));
            case "smtp_server" -> {
                int port = 25;
                if (s.size() > 1) {
                    port = Values.port(s, 1, d).orElse(25);
                }
                smtpServer = Optional.of(new HostPort(s.arg(0), port));
            }
            case "smtp_helo_name" -> heloName = Optional.of(s.arg(0));
            case "smtp_connect_timeout" -> Values.timer(s, 0, d).ifPresent(t -> smtpTimeout = t);
            case "smtp_alert" -> smtpAlert = Values.flag(s, d, smtpAlert);
            case "smtp_alert_vrrp" -> smtpAlertVrrp = Values.bool(s, 0, d);
            case "smtp_alert_checker" -> smtpAlertChecker = Values.bool(s, 0, d);
            case "no_email_faults" -> noEmailFaults = true;
            case "lvs_driver" -> lvsDriver(s);
            case "control_socket" -> lvsd = lvsd.withControlSocket(s.arg(0));
            case "metrics_listen" -> HostPorts.parse(s, d).ifPresent(hp -> lvsd = lvsd.withMetricsListen(hp));
            case "lvs_reconcile_interval" -> reconcileInterval(s);
            default -> d.unhandled(Block.GLOBAL_DEFS, s);
        }
    }

    private void lvsDriver(Stmt s) {
        try {
            LvsDriver drv = LvsDriver.valueOf(s.arg(0).toUpperCase(Locale.ROOT));
            lvsd = lvsd.withDriver(drv);
        } catch (IllegalArgumentException e) {
            d.error(s.where(), "lvs_driver expects kernel|userspace|auto, got '" + s.arg(0) + "'");
        }
    }

    private void reconcileInterval(Stmt s) {
        Values.timer(s, 0, d).ifPresent(t -> {
            if (t.isZero()) {
                d.error(s.where(), "lvs_reconcile_interval must be more than 0 seconds");
            } else {
                lvsd = lvsd.withReconcileInterval(t);
            }
        });
    }

    private Optional<InetAddress> multicast(Stmt s, AddressFamily family) {
        Optional<InetAddress> a = Values.ip(s, 0, d);
        if (a.isPresent() && (AddressFamily.of(a.get()) != family || !a.get().isMulticastAddress())) {
            d.error(s.where(), s.keyword() + " expects an " + (family == AddressFamily.INET ? "IPv4" : "IPv6")
                    + " multicast address, got '" + s.arg(0) + "'");
            return Optional.empty();
        }
        return a;
    }

    private LvsTimeouts timeouts(Stmt s) {
        Optional<Duration> tcp = timeouts.tcp();
        Optional<Duration> fin = timeouts.tcpFin();
        Optional<Duration> udp = timeouts.udp();
        for (int i = 0; i + 1 < s.size(); i += 2) {
            Optional<Duration> v = Values.timer(s, i + 1, d);
            switch (s.arg(i)) {
                case "tcp" -> tcp = v.or(() -> timeouts.tcp());
                case "tcpfin" -> fin = v.or(() -> timeouts.tcpFin());
                case "udp" -> udp = v.or(() -> timeouts.udp());
                default -> d.error(s.where(), "lvs_timeouts expects tcp|tcpfin|udp, got '" + s.arg(i) + "'");
            }
        }
        if (s.size() % 2 != 0) {
            d.error(s.where(), "lvs_timeouts: missing value after '" + s.arg(s.size() - 1) + "'");
        }
        return new LvsTimeouts(tcp, fin, udp);
    }

    private FlushOnStop flushOnStop(Stmt s) {
        if (s.size() == 0) {
            return FlushOnStop.ALL;
        }
        if (s.arg(0).equals("VS")) {
            return FlushOnStop.VS;
        }
        d.error(s.where(), s.keyword() + " expects nothing or VS, got '" + s.arg(0) + "'");
        return flushOnStop;
    }

    GlobalDefs result() {
        for (FifoReader f : List.of(notifyFifo, vrrpFifo, lvsFifo)) {
            f.orphanScript().ifPresent(w -> d.warning(w, "FIFO script given without its FIFO, ignored"));
        }
        return new GlobalDefs(routerId, mcast4, mcast6, version, garp.resolve(GarpSettings.DEFAULTS), garpInterval,
                gnaInterval, minGarp, downTimerAdverts, lowerPrioNoAdvert, higherPrioSendAdvert, checkUnicastSrc,
                skipCheckAdvAddr, strict, startupDelay, notifyPriorityChanges, v3ChecksumAsV2, syncDaemon, timeouts,
                lvsFlush, flushOnStop, scriptUser, scriptGroup, scriptSecurity, notifyFifo.result(),
                vrrpFifo.result(), lvsFifo.result(), stateDump, statsDump, jsonDump, checkerLogAll,
                dynamicInterfaces, new Smtp(emails, emailFrom, smtpServer, heloName, smtpTimeout, smtpAlert,
                        smtpAlertVrrp, smtpAlertChecker, noEmailFaults), lvsd);
    }
}
