package org.lvsd.conf.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads {@code virtual_server IP [PORT] | fwmark N | group NAME { ... }} (keepalived.conf(5)
 * "LVS CONFIGURATION"), keeping keepalived's defaults: scheduler wlc, method NAT and, for
 * address-based services, protocol UDP, each with a warning when not given.
 */
final class VirtualServerReader {

    private final Diags d;
    private final GlobalDefs g;
    private final String label;
    private final CheckDefaultsReader timing = new CheckDefaultsReader();
    private Optional<Scheduler> sched = Optional.empty();
    private final List<String> flags = new ArrayList<>();
    private Optional<ForwardingMethod> method = Optional.empty();
    private Optional<Protocol> protocol = Optional.empty();
    private Optional<Duration> persistence = Optional.empty();
    private Optional<String> granularity = Optional.empty();
    private Optional<String> engine = Optional.empty();
    private Optional<AddressFamily> ipFamily = Optional.empty();
    private boolean omega;
    private int quorum = 1;
    private int hysteresis;
    private Optional<Command> quorumUp = Optional.empty();
    private Optional<Command> quorumDown = Optional.empty();
    private Optional<Stmt> sorry = Optional.empty();
    private boolean sorryInhibit;
    private Optional<ForwardingMethod> sorryMethod = Optional.empty();
    private boolean inhibit;
    private boolean haSuspend;
    private Optional<String> virtualhost = Optional.empty();
    private Optional<Boolean> smtpAlert = Optional.empty();
    private final List<Stmt> realServers = new ArrayList<>();

    private VirtualServerReader(Stmt block, GlobalDefs g, Diags d) {
        this.d = d;
        this.g = g;
        this.label = block.text();
    }

    static Optional<VirtualServer> read(Stmt block, GlobalDefs g, Diags d) {
        Optional<VsAddress> address = address(block, d);
        VirtualServerReader r = new VirtualServerReader(block, g, d);
        BlockWalker.walk(Block.VIRTUAL_SERVER, block.children(), d, r::statement);
        return address.flatMap(a -> r.build(a, block.where()));
    }

    static Optional<VsAddress> address(Stmt s, Diags d) {
        String first = s.arg(0);
        if (first.equals("fwmark") || first.equals("group")) {
            if (s.size() < 2) {
                d.error(s.where(), "virtual_server " + first + ": missing required argument");
                return Optional.empty();
            }
            return first.equals("group") ? Optional.of(new VsAddress.Group(s.arg(1)))
                    : Values.integer(s, 1, 1, Integer.MAX_VALUE, d).map(VsAddress.Fwmark::new);
        }
        Optional<InetAddress> a = IpAddresses.parse(first);
        if (a.isEmpty()) {
            d.error(s.where(), "virtual_server expects IP [PORT], fwmark N or group NAME, got '" + first + "'");
            return Optional.empty();
        }
        Optional<Integer> port = s.size() > 1 ? Values.port(s, 1, d) : Optional.of(0);
        return port.map(p -> new VsAddress.IpPort(a.get(), p));
    }

    private void statement(Stmt s) {
        if (timing.accept(s, d)) {
            return;
        }
        switch (s.keyword()) {
            case "lvs_sched", "lb_algo" -> {
                if (Scheduler.NAMES.contains(s.arg(0))) {
                    sched = Optional.of(new Scheduler(s.arg(0), List.of()));
                } else {
                    d.error(s.where(), "unknown " + s.keyword() + " '" + s.arg(0) + "', expected one of "
                            + String.join("|", new java.util.TreeSet<>(Scheduler.NAMES)));
                }
            }
            case "flag-1", "flag-2", "flag-3", "sh-port", "sh-fallback", "mh-port", "mh-fallback", "ops", "hashed" ->
                    flags.add(s.keyword());
            case "lvs_method", "lb_kind" -> method = MethodParser.parse(s, d).or(() -> method);
            case "protocol" -> {
                try {
                    protocol = Optional.of(Protocol.valueOf(s.arg(0).toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    d.error(s.where(), "protocol expects TCP|UDP|SCTP, got '" + s.arg(0) + "'");
                }
            }
            case "persistence_timeout" -> persistence = s.size() == 0 ? Optional.of(Duration.ofSeconds(360))
                    : Values.integer(s, 0, 1, Integer.MAX_VALUE, d).map(Duration::ofSeconds).or(() -> persistence);
            case "persistence_granularity" -> granularity(s);
            case "persistence_engine" -> engine = Optional.of(s.arg(0));
            case "ip_family" -> {
                ipFamily = VirtualServerGroupReader.family(s.arg(0));
                if (ipFamily.isEmpty()) {
                    d.error(s.where(), "ip_family expects inet|inet6, got '" + s.arg(0) + "'");
                }
            }
            default -> pool(s);
        }
    }

    private void pool(Stmt s) {
        switch (s.keyword()) {
            case "omega" -> omega = Values.flag(s, d, omega);
            case "quorum" -> Values.integer(s, 0, 1, Integer.MAX_VALUE, d).ifPresent(v -> quorum = v);
            case "hysteresis" -> Values.integer(s, 0, 0, Integer.MAX_VALUE, d).ifPresent(v -> hysteresis = v);
            case "quorum_up" -> quorumUp = Scripts.withUser(s, d);
            case "quorum_down" -> quorumDown = Scripts.withUser(s, d);
            case "sorry_server" -> sorry = Optional.of(s);
            case "sorry_server_inhibit" -> sorryInhibit = Values.flag(s, d, sorryInhibit);
            case "sorry_server_lvs_method" -> sorryMethod = MethodParser.parse(s, d).or(() -> sorryMethod);
            case "inhibit_on_failure" -> inhibit = Values.flag(s, d, inhibit);
            case "ha_suspend" -> haSuspend = true;
            case "virtualhost" -> virtualhost = Optional.of(s.arg(0));
            case "smtp_alert" -> smtpAlert = Values.bool(s, 0, d).or(() -> smtpAlert);
            case "real_server" -> realServers.add(s);
            default -> d.unhandled(Block.VIRTUAL_SERVER, s);
        }
    }

    private void granularity(Stmt s) {
        String w = s.arg(0);
        boolean mask = IpAddresses.parse(w).filter(a -> AddressFamily.of(a) == AddressFamily.INET).isPresent();
        boolean len = Values.parseLong(w).filter(n -> n >= 1 && n <= 128).isPresent();
        if (mask || len) {
            granularity = Optional.of(w);
        } else {
            d.error(s.where(), "persistence_granularity expects a netmask or prefix length, got '" + w + "'");
        }
    }

    private Optional<VirtualServer> build(VsAddress address, Where where) {
        if (sched.isEmpty()) {
            d.warning(where, label + ": lvs_sched not set, defaulting to wlc");
        }
        if (method.isEmpty()) {
            d.warning(where, label + ": lvs_method not set, defaulting to NAT");
        }
        if (protocol.isEmpty() && !(address instanceof VsAddress.Fwmark)) {
            d.warning(where, label + ": protocol not set, defaulting to UDP");
            protocol = Optional.of(Protocol.UDP);
        }
        if (haSuspend && address instanceof VsAddress.Fwmark) {
            d.warning(where, label + ": ha_suspend has no effect on fwmark services");
        }
        ForwardingMethod m = method.orElse(ForwardingMethod.NAT);
        Optional<AddressFamily> family = address instanceof VsAddress.IpPort ip
                ? Optional.of(AddressFamily.of(ip.address())) : ipFamily;
        int port = address instanceof VsAddress.IpPort ip ? ip.port() : 0;
        CheckDefaults defaults = timing.result();
        boolean smtp = smtpAlert.orElse(g.smtp().alertChecker().orElse(g.smtp().alert()));
        RealServerReader.Parent parent =
                new RealServerReader.Parent(family, port, m, defaults, inhibit, virtualhost, smtp, g);
        List<RealServer> rs = new ArrayList<>();
        java.util.Map<String, Where> seen = new java.util.HashMap<>();
        for (Stmt s : realServers) {
            RealServerReader.read(s, parent, d).ifPresent(r -> {
                Where first = seen.putIfAbsent(IpAddresses.format(r.address()) + " " + r.port(), r.where());
                if (first == null) {
                    rs.add(r);
                } else {
                    d.warning(r.where(), s.text() + " is already defined at " + first + ", ignored");
                }
            });
        }
        Optional<SorryServer> sorryServer = sorry.flatMap(s -> sorryServer(s, family, port, m));
        return Optional.of(new VirtualServer(address, sched.orElse(new Scheduler("wlc", List.of())).withFlags(flags),
                m, protocol, persistence, granularity, engine, ipFamily, defaults, omega, quorum, hysteresis,
                quorumUp, quorumDown, sorryServer, inhibit, haSuspend, virtualhost, smtp, rs, where));
    }

    private Optional<SorryServer> sorryServer(Stmt s, Optional<AddressFamily> family, int port, ForwardingMethod m) {
        Optional<InetAddress> a = Values.ip(s, 0, d);
        if (a.isEmpty()) {
            return Optional.empty();
        }
        if (family.isPresent() && AddressFamily.of(a.get()) != family.get()) {
            d.error(s.where(), "sorry_server " + s.arg(0) + " is not of the virtual server's address family");
            return Optional.empty();
        }
        Optional<Integer> p = s.size() > 1 ? Values.port(s, 1, d) : Optional.of(port);
        return p.map(pp -> new SorryServer(a.get(), pp, sorryInhibit, sorryMethod.orElse(m), s.where()));
    }
}
