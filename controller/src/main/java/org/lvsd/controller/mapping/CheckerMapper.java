package org.lvsd.controller.mapping;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.stream.Collectors;
import org.lvsd.conf.model.CheckSpec;
import org.lvsd.conf.model.CheckTarget;
import org.lvsd.conf.model.Checker;
import org.lvsd.conf.model.StatusRange;
import org.lvsd.conf.model.TrackFile;
import org.lvsd.conf.model.UrlCheck;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.CheckerSpec;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.DnsCheckSpec;
import org.lvsd.healthcheck.spec.FileCheckSpec;
import org.lvsd.healthcheck.spec.HttpCheckSpec;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;
import org.lvsd.healthcheck.spec.MiscCheckSpec;
import org.lvsd.healthcheck.spec.SmtpCheckSpec;
import org.lvsd.healthcheck.spec.StatusCodes;
import org.lvsd.healthcheck.spec.PingCheckSpec;
import org.lvsd.healthcheck.spec.RegexFlag;
import org.lvsd.healthcheck.spec.TcpCheckSpec;
import org.lvsd.healthcheck.spec.TlsOptions;
import org.lvsd.healthcheck.spec.UdpCheckSpec;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * One checker block of the model as a healthcheck {@link CheckerSpec} (keepalived.conf(5), the
 * checker blocks of "real_server"). Settings the healthcheck module cannot honour yet are
 * warnings; a checker type without an implementation would be left out with a warning.
 * {@code http_protocol 1.0C} (1.0 with {@code Connection: close}) is sent as plain HTTP/1.0, which
 * closes the connection after the response anyway.
 */
final class CheckerMapper {

    /** keepalived's HELO name when neither {@code helo_name} nor {@code smtp_helo_name} is given (check_smtp.h). */
    static final String DEFAULT_HELO = "smtpchecker.keepalived.org";
    /** The CA bundle {@code verify_cert} uses without {@code ca_file}: Debian's system bundle. */
    static final Path SYSTEM_CA_FILE = Path.of("/etc/ssl/certs/ca-certificates.crt");

    private final Map<String, TrackFile> trackFiles;
    private final Problems problems;

    CheckerMapper(Map<String, TrackFile> trackFiles, Problems problems) {
        this.trackFiles = trackFiles;
        this.problems = problems;
    }

    /** The spec of {@code checker}, empty when it is left out (with the reason reported). */
    Optional<CheckerSpec> map(Checker checker) {
        String type = checker.type().name();
        try {
            CheckTiming timing = TimingMapper.map(checker.timing());
            CheckSpec spec = checker.spec();
            if (spec instanceof CheckSpec.Tcp) {
                return Optional.of(new TcpCheckSpec(timing, connect(checker)));
            } else if (spec instanceof CheckSpec.Http h) {
                return Optional.of(http(checker, timing, h));
            } else if (spec instanceof CheckSpec.Misc m) {
                return Optional.of(misc(checker, timing, m));
            } else if (spec instanceof CheckSpec.Smtp s) {
                return Optional.of(new SmtpCheckSpec(timing, connect(checker), s.heloName().orElse(DEFAULT_HELO)));
            } else if (spec instanceof CheckSpec.Dns d) {
                return Optional.of(new DnsCheckSpec(timing, connect(checker), d.type(), d.name()));
            } else if (spec instanceof CheckSpec.Udp u) {
                return Optional.of(new UdpCheckSpec(timing, connect(checker), u.payload().orElse(""),
                        u.requireReply() ? Optional.of(u.replyPattern().orElse("")) : Optional.empty(),
                        u.minReplyLength(), u.maxReplyLength()));
            } else if (spec instanceof CheckSpec.File f) {
                return file(checker, timing, f);
            } else if (spec instanceof CheckSpec.Ping) {
                return Optional.of(new PingCheckSpec(timing, connect(checker)));
            }
            problems.warning(checker.where(), type + " is not supported yet: this checker is left out");
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            problems.error(checker.where(), type + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private ConnectOptions connect(Checker checker) {
        CheckTarget t = checker.target();
        OptionalInt port = t.connectPort() > 0 ? OptionalInt.of(t.connectPort()) : OptionalInt.empty();
        OptionalInt bindPort = t.bindPort().filter(p -> p > 0).map(OptionalInt::of).orElse(OptionalInt.empty());
        OptionalInt fwmark = t.fwmark().map(OptionalInt::of).orElse(OptionalInt.empty());
        return new ConnectOptions(Optional.of(t.connectIp()), port, t.bindTo(), bindPort, t.bindIf(), fwmark);
    }

    private void unsupported(Checker checker, String what) {
        problems.warning(checker.where(), what + " is not supported yet and is ignored");
    }

    private HttpCheckSpec http(Checker checker, CheckTiming timing, CheckSpec.Http h) {
        List<UrlSpec> urls = new ArrayList<>();
        for (UrlCheck u : h.urls()) {
            if (u.regex().isEmpty() && (u.regexNoMatch() || !u.regexOptions().isEmpty()
                    || u.regexMinOffset() > 0 || u.regexMaxOffset().isPresent())) {
                problems.warning(u.where(), "url regex_no_match, regex_options, regex_min_offset and "
                        + "regex_max_offset without regex have no effect");
            }
            StatusCodes codes = u.statusCodes().isEmpty() ? StatusCodes.defaults()
                    : new StatusCodes(u.statusCodes().stream()
                            .map((StatusRange r) -> new StatusCodes.Range(r.from(), r.to())).toList());
            boolean regex = u.regex().isPresent();
            urls.add(new UrlSpec(u.path(), codes, u.digest(), u.virtualhost(), u.regex(),
                    u.regexNoMatch() && regex,
                    regex ? u.regexOptions().stream().map(RegexFlag::of).collect(Collectors.toSet()) : Set.of(),
                    regex ? u.regexMinOffset() : 0,
                    regex && u.regexMaxOffset().isPresent() ? OptionalInt.of(u.regexMaxOffset().get())
                            : OptionalInt.empty()));
        }
        if (h.fastRecovery()) {
            unsupported(checker, checker.type().name() + ": fast_recovery");
        }
        HttpProtocol protocol = h.httpProtocol().equals("1.1") ? HttpProtocol.HTTP_1_1 : HttpProtocol.HTTP_1_0;
        Optional<TlsOptions> tls = h.tls()
                ? Optional.of(new TlsOptions(h.enableSni(), h.sniName(), h.verifyCert(),
                        h.verifyCert() ? Optional.of(h.caFile().map(Path::of).orElse(SYSTEM_CA_FILE))
                                : h.caFile().map(Path::of)))
                : Optional.empty();
        return new HttpCheckSpec(timing, connect(checker), protocol, Optional.empty(), urls, tls);
    }

    private MiscCheckSpec misc(Checker checker, CheckTiming timing, CheckSpec.Misc m) {
        if (m.command().user().isPresent()) {
            problems.warning(checker.where(), "MISC_CHECK: running misc_path as user '" + m.command().user().get()
                    + "' is not supported yet: it runs as lvsd's own user");
        }
        return new MiscCheckSpec(timing, m.command().argv(), m.timeout(), m.dynamic());
    }

    private Optional<CheckerSpec> file(Checker checker, CheckTiming timing, CheckSpec.File f) {
        TrackFile tf = trackFiles.get(f.trackFile());
        if (tf == null) {
            problems.error(checker.where(), "FILE_CHECK track_file '" + f.trackFile() + "' is not defined");
            return Optional.empty();
        }
        return Optional.of(new FileCheckSpec(timing, Path.of(tf.file()), f.weight(), f.reverse(), f.dynamic()));
    }
}
