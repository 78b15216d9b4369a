package org.lvsd.controller.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.controller.mapping.Configs.ip;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.CheckerSpec;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.DnsCheckSpec;
import org.lvsd.healthcheck.spec.FileCheckSpec;
import org.lvsd.healthcheck.spec.HttpCheckSpec;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;
import org.lvsd.healthcheck.spec.MiscCheckSpec;
import org.lvsd.healthcheck.spec.PingCheckSpec;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RegexFlag;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.SmtpCheckSpec;
import org.lvsd.healthcheck.spec.SorryServerSpec;
import org.lvsd.healthcheck.spec.StatusCodes;
import org.lvsd.healthcheck.spec.TcpCheckSpec;
import org.lvsd.healthcheck.spec.TlsOptions;
import org.lvsd.healthcheck.spec.UdpCheckSpec;
import org.lvsd.healthcheck.spec.UrlSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

class HealthMappingTest {

    private static final String HEAD = "virtual_server 198.51.100.100 80 {\n lvs_sched rr\n lvs_method DR\n"
            + " protocol TCP\n";

    private static ConnectOptions to(String address, int port) {
        return new ConnectOptions(Optional.of(ip(address)), OptionalInt.of(port), Optional.empty());
    }

    private static List<CheckerSpec> checkers(MappedConfig m) {
        return m.virtualServers().get(0).health().realServers().get(0).checkers();
    }

    @Test
    void poolPolicyAndRealServersAreCarriedOver() {
        MappedConfig m = Configs.map(HEAD + """
                    quorum 3
                    hysteresis 1
                    quorum_up "/bin/q up"
                    quorum_down "/bin/q down"
                    omega
                    sorry_server 10.0.0.99 8080
                    sorry_server_inhibit
                    real_server 198.51.100.21 80 {
                        weight 5
                        inhibit_on_failure
                        notify_up "/bin/n 'rs one' up"
                        notify_down "/bin/n down"
                        slow_start 20
                    }
                }
                """);
        assertEquals(List.of(), m.diagnostics());
        assertEquals(new VirtualServerSpec("TCP 198.51.100.100:80",
                List.of(new RealServerSpec(new RealServerId(ip("198.51.100.21"), 80), 5, true,
                        Optional.of("/bin/n 'rs one' up"), Optional.of("/bin/n down"), Duration.ofSeconds(20),
                        List.of())),
                3, 1, Optional.of("/bin/q up"), Optional.of("/bin/q down"),
                Optional.of(new SorryServerSpec(new RealServerId(ip("10.0.0.99"), 8080), true)), true),
                m.virtualServers().get(0).health());
    }

    @Test
    void tcpCheckWithTimingAndTarget() {
        MappedConfig m = Configs.map(HEAD + """
                    delay_loop 10
                    real_server 198.51.100.21 80 {
                        TCP_CHECK {
                            connect_ip 10.0.0.21
                            connect_port 8080
                            bindto 198.51.100.2
                            connect_timeout 3
                            retry 2
                            delay_before_retry 4
                            warmup 0
                            alpha
                        }
                        TCP_CHECK { }
                    }
                }
                """);
        assertEquals(List.of(), m.diagnostics());
        assertEquals(List.of(
                new TcpCheckSpec(new CheckTiming(Duration.ofSeconds(10), Duration.ofSeconds(3), 2,
                        Duration.ofSeconds(4), Duration.ZERO, true, 0, 0),
                        new ConnectOptions(Optional.of(ip("10.0.0.21")), OptionalInt.of(8080),
                                Optional.of(ip("198.51.100.2")))),
                new TcpCheckSpec(new CheckTiming(Duration.ofSeconds(10), Duration.ofSeconds(5), 1,
                        Duration.ofSeconds(1), Duration.ofSeconds(10), false, 0, 0), to("198.51.100.21", 80))),
                checkers(m));
    }

    @Test
    void lvsdRiseAndFallArePassedOn() {
        MappedConfig m = Configs.map(HEAD + " real_server 198.51.100.21 80 {\n TCP_CHECK { rise 3\n fall 2 }\n}\n}\n");
        assertEquals(List.of(3, 2), List.of(checkers(m).get(0).timing().rise(), checkers(m).get(0).timing().fall()));
    }

    @Test
    void httpAndSslChecks() {
        MappedConfig m = Configs.map(HEAD + """
                    real_server 198.51.100.21 80 {
                        HTTP_GET {
                            url { path /health status_code 200 404-405 digest 9B3A0C85A887A256D6939DA88AABD8CD }
                            url { path / virtualhost www.example.com }
                            http_protocol 1.1
                        }
                        SSL_GET {
                            url { path /tls }
                            enable_sni
                            sni_name www.example.com
                            verify_cert
                        }
                    }
                }
                """);
        assertEquals(List.of(), m.diagnostics());
        CheckTiming http = new CheckTiming(Duration.ofSeconds(60), Duration.ofSeconds(5), 1, Duration.ofSeconds(3),
                Duration.ofSeconds(60), false, 0, 0);
        assertEquals(List.of(
                new HttpCheckSpec(http, to("198.51.100.21", 80), HttpProtocol.HTTP_1_1, Optional.empty(), List.of(
                        new UrlSpec("/health", new StatusCodes(List.of(new StatusCodes.Range(200, 200),
                                new StatusCodes.Range(404, 405))), Optional.of("9b3a0c85a887a256d6939da88aabd8cd"),
                                Optional.empty()),
                        new UrlSpec("/", StatusCodes.defaults(), Optional.empty(), Optional.of("www.example.com"))),
                        Optional.empty()),
                new HttpCheckSpec(http, to("198.51.100.21", 80), HttpProtocol.HTTP_1_0, Optional.empty(),
                        List.of(UrlSpec.of("/tls")), Optional.of(new TlsOptions(true, Optional.of("www.example.com"),
                                true, Optional.of(Path.of("/etc/ssl/certs/ca-certificates.crt")))))),
                checkers(m));
    }

    @Test
    void miscSmtpDnsUdpAndFileChecks() {
        MappedConfig m = Configs.map("track_file weightfile { file /run/w }\n" + HEAD + """
                    real_server 198.51.100.21 25 {
                        MISC_CHECK { misc_path "/bin/chk -v 'a b'" misc_timeout 3 misc_dynamic }
                        SMTP_CHECK { }
                        SMTP_CHECK { helo_name lvs.example.com }
                        DNS_CHECK { type A name www.example.com }
                        UDP_CHECK { payload 0a0b require_reply 0aXX min_reply_length 2 max_reply_length 10 }
                        UDP_CHECK { }
                        FILE_CHECK { track_file weightfile dynamic weight 5 reverse }
                    }
                }
                """);
        assertEquals(List.of(), m.diagnostics());
        List<CheckerSpec> c = checkers(m);
        assertEquals(new MiscCheckSpec(c.get(0).timing(), List.of("/bin/chk", "-v", "a b"), Duration.ofSeconds(3),
                true), c.get(0));
        assertEquals(0, c.get(0).timing().retry());
        assertEquals(new SmtpCheckSpec(c.get(1).timing(), to("198.51.100.21", 25), "smtpchecker.keepalived.org"),
                c.get(1));
        assertEquals(new SmtpCheckSpec(c.get(2).timing(), to("198.51.100.21", 25), "lvs.example.com"), c.get(2));
        assertEquals(new DnsCheckSpec(c.get(3).timing(), to("198.51.100.21", 25), "A", "www.example.com"), c.get(3));
        assertEquals(3, c.get(3).timing().retry());
        assertEquals(new UdpCheckSpec(c.get(4).timing(), to("198.51.100.21", 25), "0a0b", Optional.of("0AXX"), 2, 10),
                c.get(4));
        assertEquals(new UdpCheckSpec(c.get(5).timing(), to("198.51.100.21", 25), "", Optional.empty(), 0, 255),
                c.get(5));
        assertEquals(new FileCheckSpec(c.get(6).timing(), Path.of("/run/w"), 5, true, true), c.get(6));
    }

    @Test
    void pingCheckProbesTheRealServerAddress() {
        MappedConfig m = Configs.map(HEAD + """
                    real_server 198.51.100.21 80 {
                        PING_CHECK { connect_timeout 2 }
                        TCP_CHECK { }
                    }
                }
                """);
        assertEquals(List.of(), m.diagnostics());
        List<CheckerSpec> c = checkers(m);
        assertEquals(new PingCheckSpec(c.get(0).timing(), to("198.51.100.21", 80)), c.get(0));
        assertEquals(Duration.ofSeconds(2), c.get(0).timing().connectTimeout());
        assertEquals("TCP_CHECK", c.get(1).kind());
    }

    @Test
    void pingCheckCannotBindToAnAddress() {
        MappedConfig m = Configs.map(HEAD + """
                    real_server 198.51.100.21 80 {
                        PING_CHECK { bindto 198.51.100.2 }
                    }
                }
                """);
        assertEquals(List.of("lvsd.conf:6: PING_CHECK: PING_CHECK does not support bindto"),
                m.diagnostics().stream().map(Object::toString).toList());
    }

    @Test
    void sourceOptionsAndUrlRegexReachTheCheckerSpecs() {
        MappedConfig m = Configs.map(HEAD + """
                    real_server 198.51.100.21 80 {
                        HTTP_GET {
                            url { path / regex "status: (OK|WARN)" }
                            url { path /maint regex maint regex_no_match }
                            bindto 198.51.100.2
                            bind_port 4000
                            bind_if eth1
                            fwmark 7
                        }
                    }
                }
                """);
        assertEquals(List.of(), m.diagnostics());
        HttpCheckSpec spec = (HttpCheckSpec) checkers(m).get(0);
        assertEquals(new ConnectOptions(Optional.of(ip("198.51.100.21")), OptionalInt.of(80),
                Optional.of(ip("198.51.100.2")), OptionalInt.of(4000), Optional.of("eth1"), OptionalInt.of(7)),
                spec.connect());
        assertEquals(List.of(
                new UrlSpec("/", StatusCodes.defaults(), Optional.empty(), Optional.empty(),
                        Optional.of("status: (OK|WARN)"), false),
                new UrlSpec("/maint", StatusCodes.defaults(), Optional.empty(), Optional.empty(),
                        Optional.of("maint"), true)),
                spec.urls());
    }

    @Test
    void regexOptionsAndOffsetsReachTheUrlSpecAndAreWarnedWithoutARegex() {
        MappedConfig m = Configs.map(HEAD + """
                    real_server 198.51.100.21 80 {
                        HTTP_GET {
                            url { path / regex ok regex_options caseless multiline regex_min_offset 2 regex_max_offset 9 }
                            url { path /plain regex_options dotall }
                        }
                    }
                }
                """);
        assertEquals(List.of("lvsd.conf:8: warning: url regex_no_match, regex_options, regex_min_offset and "
                        + "regex_max_offset without regex have no effect"),
                m.diagnostics().stream().map(Object::toString).toList());
        HttpCheckSpec spec = (HttpCheckSpec) checkers(m).get(0);
        assertEquals(List.of(
                new UrlSpec("/", StatusCodes.defaults(), Optional.empty(), Optional.empty(),
                        Optional.of("ok"), false, Set.of(RegexFlag.CASELESS, RegexFlag.MULTILINE), 2,
                        OptionalInt.of(9)),
                UrlSpec.of("/plain")),
                spec.urls());
    }

    @Test
    void featuresTheCheckersLackAreWarnings() {
        MappedConfig m = Configs.map(HEAD + """
                    real_server 198.51.100.21 80 {
                        MISC_CHECK { misc_path /bin/chk user nobody }
                        HTTP_GET { url { path / } fast_recovery }
                    }
                }
                """);
        assertEquals(List.of(
                "lvsd.conf:6: warning: MISC_CHECK: running misc_path as user 'nobody' is not supported yet:"
                        + " it runs as lvsd's own user",
                "lvsd.conf:7: warning: HTTP_GET: fast_recovery is not supported yet and is ignored"),
                m.diagnostics().stream().map(Object::toString).toList());
    }

    @Test
    void valuesTheCheckersRejectAreErrorsAtTheCheckerLine() {
        MappedConfig m = Configs.map(HEAD + """
                    real_server 198.51.100.21 80 {
                        HTTP_GET { url { path relative } }
                    }
                }
                """);
        assertEquals(List.of("lvsd.conf:6: HTTP_GET: url path must start with '/': relative"),
                m.diagnostics().stream().map(Object::toString).toList());
    }

    @Test
    void aSorryServerThatIsAlsoARealServerIsWarned() {
        assertEquals(List.of("lvsd.conf:5: warning: sorry_server 198.51.100.21:80 is also a real_server of this"
                + " virtual server"), Configs.messages(HEAD + """
                    sorry_server 198.51.100.21 80
                    real_server 198.51.100.21 80 { }
                }
                """));
    }
}
