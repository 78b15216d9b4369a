package org.lvsd.conf.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one checker block of a real server (keepalived.conf(5) TCP_CHECK, HTTP_GET, SSL_GET,
 * MISC_CHECK, SMTP_CHECK, DNS_CHECK, UDP_CHECK, PING_CHECK, FILE_CHECK) and resolves its
 * schedule: the checker's own values, else the real server's, else the virtual server's,
 * else the type's defaults (retry 1, DNS 3, MISC 0; delay_before_retry 1 s, HTTP/SSL 3 s,
 * DNS delay_loop).
 */
final class CheckerReader {

    /** Checkers that connect to a port; the others ping, run a script or read a file. */
    private static final java.util.Set<CheckerType> NEEDS_PORT = java.util.EnumSet.of(CheckerType.TCP_CHECK,
            CheckerType.HTTP_GET, CheckerType.SSL_GET, CheckerType.SMTP_CHECK, CheckerType.DNS_CHECK,
            CheckerType.UDP_CHECK);

    private final Diags d;
    private final CheckerType type;
    private final CheckContext ctx;
    private final CheckDefaultsReader timing = new CheckDefaultsReader();
    private final CheckerOptions opts = new CheckerOptions();

    private CheckerReader(CheckerType type, CheckContext ctx, Diags d) {
        this.type = type;
        this.ctx = ctx;
        this.d = d;
    }

    static Optional<Checker> read(Stmt block, CheckerType type, CheckContext ctx, Diags d) {
        CheckerReader r = new CheckerReader(type, ctx, d);
        BlockWalker.walk(type.block(), block.children(), d, r::statement);
        return r.build(block.where());
    }

    /** Settings of the block as they are read. */
    private static final class CheckerOptions {
        Optional<InetAddress> connectIp = Optional.empty();
        Optional<Integer> connectPort = Optional.empty();
        Optional<InetAddress> bindTo = Optional.empty();
        Optional<Integer> bindPort = Optional.empty();
        Optional<String> bindIf = Optional.empty();
        Optional<Integer> fwmark = Optional.empty();
        Optional<Boolean> logAll = Optional.empty();
        final List<UrlCheck> urls = new ArrayList<>();
        String httpProtocol = "1.0";
        boolean fastRecovery;
        Optional<String> virtualhost = Optional.empty();
        boolean enableSni;
        Optional<String> sniName = Optional.empty();
        boolean verifyCert;
        Optional<String> caFile = Optional.empty();
        final List<Stmt> urlBlocks = new ArrayList<>();
        Optional<Command> miscPath = Optional.empty();
        Optional<Duration> miscTimeout = Optional.empty();
        boolean dynamic;
        Optional<String> user = Optional.empty();
        Optional<String> group = Optional.empty();
        Optional<String> helo = Optional.empty();
        String dnsType = "SOA";
        String dnsName = ".";
        Optional<String> payload = Optional.empty();
        boolean requireReply;
        Optional<String> replyPattern = Optional.empty();
        int minReply;
        int maxReply = 255;
        Optional<String> trackFile = Optional.empty();
        int weight = 1;
        boolean reverse;
    }

    private void statement(Stmt s) {
        if (timing.accept(s, d)) {
            return;
        }
        switch (s.keyword()) {
            case "connect_ip" -> opts.connectIp = Values.ip(s, 0, d);
            case "connect_port" -> opts.connectPort = Values.port(s, 0, d);
            case "bindto" -> opts.bindTo = Values.ip(s, 0, d);
            case "bind_port" -> opts.bindPort = Values.port(s, 0, d);
            case "bind_if" -> opts.bindIf = Optional.of(s.arg(0));
            case "fwmark" -> opts.fwmark = Values.integer(s, 0, 0, Integer.MAX_VALUE, d);
            case "log_all_failures" -> opts.logAll = Values.bool(s, 0, d);
            case "url" -> opts.urlBlocks.add(s);
            case "http_protocol" -> {
                if (s.arg(0).matches("1\\.0|1\\.0C|1\\.1")) {
                    opts.httpProtocol = s.arg(0);
                } else {
                    d.error(s.where(), "http_protocol expects 1.0|1.0C|1.1, got '" + s.arg(0) + "'");
                }
            }
            case "fast_recovery" -> opts.fastRecovery = Values.flag(s, d, false);
            case "virtualhost" -> opts.virtualhost = Optional.of(s.arg(0));
            case "enable_sni" -> opts.enableSni = Values.flag(s, d, false);
            case "sni_name" -> opts.sniName = Optional.of(s.arg(0));
            case "verify_cert" -> opts.verifyCert = Values.flag(s, d, false);
            case "ca_file" -> opts.caFile = Optional.of(s.arg(0));
            default -> specific(s);
        }
    }

    private void specific(Stmt s) {
        switch (s.keyword()) {
            case "misc_path" -> opts.miscPath = Scripts.wholeLine(s, d);
            case "misc_timeout" -> opts.miscTimeout = Values.timer(s, 0, d);
            case "misc_dynamic", "dynamic" -> opts.dynamic = true;
            case "user" -> {
                opts.user = Optional.of(s.arg(0));
                opts.group = s.size() > 1 ? Optional.of(s.arg(1).replaceFirst("^:", "")) : Optional.empty();
            }
            case "helo_name" -> opts.helo = Optional.of(s.arg(0));
            case "type" -> {
                String t = s.arg(0).toUpperCase(java.util.Locale.ROOT);
                if (t.matches("A|NS|CNAME|SOA|MX|TXT|AAAA")) {
                    opts.dnsType = t;
                } else {
                    d.error(s.where(), "type expects A|NS|CNAME|SOA|MX|TXT|AAAA, got '" + s.arg(0) + "'");
                }
            }
            case "name" -> opts.dnsName = s.arg(0);
            case "payload" -> opts.payload = hex(s, "[0-9a-fA-F]+");
            case "require_reply" -> {
                opts.requireReply = true;
                opts.replyPattern = s.size() > 0 ? hex(s, "[0-9a-fA-FxX]+") : Optional.empty();
            }
            case "min_reply_length" -> Values.integer(s, 0, 0, 65535, d).ifPresent(v -> opts.minReply = v);
            case "max_reply_length" -> Values.integer(s, 0, 0, 65535, d).ifPresent(v -> opts.maxReply = v);
            case "track_file" -> opts.trackFile = Optional.of(s.arg(0));
            case "weight" -> {
                Values.integer(s, 0, -254, 254, d).ifPresent(v -> opts.weight = v);
                opts.reverse = ScriptReader.reverseWord(s, d);
            }
            default -> d.unhandled(type.block(), s);
        }
    }

    private Optional<String> hex(Stmt s, String pattern) {
        if (!s.arg(0).matches(pattern) || s.arg(0).length() % 2 != 0) {
            d.error(s.where(), s.keyword() + " expects an even number of hexadecimal digits, got '" + s.arg(0) + "'");
            return Optional.empty();
        }
        return Optional.of(s.arg(0));
    }

    private Optional<Checker> build(Where where) {
        CheckDefaults given = timing.result().over(ctx.defaults());
        Duration delayLoop = given.delayLoop().orElse(Duration.ofSeconds(60));
        int retry = given.retry().orElse(switch (type) {
            case DNS_CHECK -> 3;
            case MISC_CHECK -> 0;
            default -> 1;
        });
        Duration dbr = given.delayBeforeRetry().orElse(switch (type) {
            case HTTP_GET, SSL_GET -> Duration.ofSeconds(3);
            case DNS_CHECK -> delayLoop;
            default -> Duration.ofSeconds(1);
        });
        CheckTiming t = new CheckTiming(delayLoop, given.connectTimeout().orElse(Duration.ofSeconds(5)), retry, dbr,
                given.warmup(), given.alpha().orElse(false), given.rise(), given.fall(),
                given.slowStart().orElse(Duration.ZERO));
        CheckTarget target = new CheckTarget(opts.connectIp.orElse(ctx.address()),
                opts.connectPort.orElse(ctx.port()), opts.bindTo, opts.bindPort, opts.bindIf, opts.fwmark);
        if (target.connectPort() == 0 && NEEDS_PORT.contains(type)) {
            d.error(where, type + " needs a port: give connect_port or a port on the real_server");
            return Optional.empty();
        }
        return spec(where, delayLoop).map(spec -> new Checker(type, target, t,
                opts.logAll.orElse(ctx.logAllFailures()), spec, where));
    }

    private Optional<CheckSpec> spec(Where where, Duration delayLoop) {
        switch (type) {
            case HTTP_GET, SSL_GET -> {
                Optional<String> host = opts.virtualhost.or(ctx::virtualhost);
                opts.urlBlocks.forEach(u -> UrlReader.read(u, host, d).ifPresent(opts.urls::add));
                if (opts.urlBlocks.isEmpty()) {
                    d.error(where, type + " needs at least one url { path ... }");
                }
                if (opts.urls.size() < opts.urlBlocks.size() || opts.urls.isEmpty()) {
                    return Optional.empty();
                }
                return Optional.of(new CheckSpec.Http(type == CheckerType.SSL_GET, opts.urls, opts.httpProtocol,
                        opts.fastRecovery, opts.enableSni, opts.sniName, opts.verifyCert, opts.caFile));
            }
            case MISC_CHECK -> {
                if (opts.miscPath.isEmpty()) {
                    d.error(where, "MISC_CHECK: missing 'misc_path'");
                    return Optional.empty();
                }
                Command c = new Command(opts.miscPath.get().argv(), opts.user, opts.group, opts.miscPath.get().where());
                return Optional.of(new CheckSpec.Misc(c, opts.miscTimeout.orElse(delayLoop), opts.dynamic));
            }
            case SMTP_CHECK -> {
                return Optional.of(new CheckSpec.Smtp(opts.helo.or(ctx::smtpHelo)));
            }
            case DNS_CHECK -> {
                return Optional.of(new CheckSpec.Dns(opts.dnsType, opts.dnsName));
            }
            case UDP_CHECK -> {
                if (opts.minReply > opts.maxReply) {
                    d.error(where, "UDP_CHECK: min_reply_length " + opts.minReply + " exceeds max_reply_length "
                            + opts.maxReply);
                    return Optional.empty();
                }
                return Optional.of(new CheckSpec.Udp(opts.payload, opts.requireReply, opts.replyPattern,
                        opts.minReply, opts.maxReply));
            }
            case FILE_CHECK -> {
                if (opts.trackFile.isEmpty()) {
                    d.error(where, "FILE_CHECK: missing 'track_file'");
                    return Optional.empty();
                }
                return Optional.of(new CheckSpec.File(opts.trackFile.get(), opts.dynamic, opts.weight, opts.reverse));
            }
            case PING_CHECK -> {
                return Optional.of(new CheckSpec.Ping());
            }
            default -> {
                return Optional.of(new CheckSpec.Tcp());
            }
        }
    }
}
