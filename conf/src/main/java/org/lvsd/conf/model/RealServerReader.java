package org.lvsd.conf.model;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code real_server IP [PORT] { ... }} and its checkers, inheriting from the virtual server. */
final class RealServerReader {

    /**
     * What a real server inherits from its virtual server.
     *
     * @param family the virtual server's address family, when it has one
     * @param port the virtual server's port (0 for fwmark and groups)
     * @param method the virtual server's forwarding method
     * @param defaults the virtual server's check settings
     * @param inhibitOnFailure the virtual server's {@code inhibit_on_failure}
     * @param virtualhost the virtual server's {@code virtualhost}
     * @param smtpAlert the virtual server's {@code smtp_alert}
     * @param global global settings
     */
    record Parent(Optional<AddressFamily> family, int port, ForwardingMethod method, CheckDefaults defaults,
            boolean inhibitOnFailure, Optional<String> virtualhost, boolean smtpAlert, GlobalDefs global) {
    }

    private RealServerReader() {
    }

    static Optional<RealServer> read(Stmt block, Parent p, Diags d) {
        Optional<InetAddress> addr = Values.ip(block, 0, d);
        if (addr.isEmpty()) {
            return Optional.empty();
        }
        if (p.family().isPresent() && AddressFamily.of(addr.get()) != p.family().get()) {
            d.error(block.where(), "real_server " + block.arg(0) + " is not of the virtual server's address family");
            return Optional.empty();
        }
        Optional<Integer> port = block.size() > 1 ? Values.port(block, 1, d) : Optional.of(p.port());
        if (port.isEmpty()) {
            return Optional.empty();
        }
        var st = new Object() {
            int weight = 1;
            ForwardingMethod method = p.method();
            Optional<Command> up = Optional.empty();
            Optional<Command> down = Optional.empty();
            int upper;
            int lower;
            boolean inhibit = p.inhibitOnFailure();
            Optional<String> host = p.virtualhost();
            boolean smtp = p.smtpAlert();
            final List<Stmt> checkers = new ArrayList<>();
        };
        CheckDefaultsReader timing = new CheckDefaultsReader();
        BlockWalker.walk(Block.REAL_SERVER, block.children(), d, s -> {
            if (timing.accept(s, d)) {
                return;
            }
            switch (s.keyword()) {
                case "weight" -> Values.integer(s, 0, 0, 65535, d).ifPresent(w -> st.weight = w);
                case "lvs_method", "lb_kind" -> MethodParser.parse(s, d).ifPresent(m -> st.method = m);
                case "notify_up" -> st.up = Scripts.withUser(s, d);
                case "notify_down" -> st.down = Scripts.withUser(s, d);
                case "uthreshold" -> Values.integer(s, 0, 0, Integer.MAX_VALUE, d).ifPresent(v -> st.upper = v);
                case "lthreshold" -> Values.integer(s, 0, 0, Integer.MAX_VALUE, d).ifPresent(v -> st.lower = v);
                case "inhibit_on_failure" -> st.inhibit = Values.flag(s, d, st.inhibit);
                case "virtualhost" -> st.host = Optional.of(s.arg(0));
                case "smtp_alert" -> st.smtp = Values.flag(s, d, st.smtp);
                case "TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "SMTP_CHECK", "DNS_CHECK", "UDP_CHECK",
                        "PING_CHECK", "FILE_CHECK" -> st.checkers.add(s);
                default -> d.unhandled(Block.REAL_SERVER, s);
            }
        });
        if (st.upper > 0 && st.lower > st.upper) {
            d.error(block.where(), "real_server " + block.arg(0) + ": lthreshold " + st.lower
                    + " exceeds uthreshold " + st.upper);
        }
        CheckDefaults defaults = timing.result().over(p.defaults());
        CheckContext ctx = new CheckContext(addr.get(), port.get(), defaults, st.host,
                p.global().checkerLogAllFailures(), p.global().smtp().heloName());
        List<Checker> checkers = new ArrayList<>();
        for (Stmt c : st.checkers) {
            CheckerReader.read(c, CheckerType.valueOf(c.keyword()), ctx, d).ifPresent(checkers::add);
        }
        return Optional.of(new RealServer(addr.get(), port.get(), st.weight, st.method, st.up, st.down, st.upper,
                st.lower, st.inhibit, st.host, st.smtp, defaults, checkers, block.where()));
    }
}
