package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VirtualServerReaderTest {

    private static VirtualServer vs(String text) {
        return TestConfigs.model(text).virtualServers().get(0);
    }

    @Test
    void unsetSchedulerMethodAndProtocolDefaultAsKeepalivedDoesWithWarnings() {
        String text = "virtual_server 192.0.2.10 80 {\nreal_server 10.0.0.1 80 {\n}\n}";
        VirtualServer v = vs(text);
        assertEquals("wlc", v.scheduler().name());
        assertEquals(ForwardingMethod.NAT, v.method());
        assertEquals(Optional.of(Protocol.UDP), v.protocol());
        assertEquals(List.of("lvsd.conf:1: warning: virtual_server 192.0.2.10 80: lvs_sched not set, defaulting to wlc",
                "lvsd.conf:1: warning: virtual_server 192.0.2.10 80: lvs_method not set, defaulting to NAT",
                "lvsd.conf:1: warning: virtual_server 192.0.2.10 80: protocol not set, defaulting to UDP"),
                TestConfigs.messages(text));
    }

    @Test
    void fwmarkServiceHasNoProtocolAndNoProtocolWarning() {
        String text = "virtual_server fwmark 5 {\nlvs_sched rr\nlvs_method DR\n}";
        VirtualServer v = vs(text);
        assertEquals(new VsAddress.Fwmark(5), v.address());
        assertEquals(Optional.empty(), v.protocol());
        assertEquals(List.of(), TestConfigs.messages(text));
    }

    @Test
    void addressAloneMeansPortZero() {
        assertEquals(0, ((VsAddress.IpPort) vs("virtual_server 192.0.2.10 {\nprotocol TCP\n}").address()).port());
    }

    @Test
    void legacyAliasesAndSchedulerFlags() {
        VirtualServer v = vs("""
                virtual_server 192.0.2.10 53 {
                    lb_algo sh
                    sh-port
                    sh-fallback
                    lb_kind TUN type gue port 6080 remcsum
                    protocol udp
                    persistence_timeout
                    persistence_granularity 255.255.255.0
                    ops
                }
                """);
        assertEquals(new Scheduler("sh", List.of("sh-port", "sh-fallback", "ops")), v.scheduler());
        assertEquals(new ForwardingMethod(ForwardingMethod.Kind.TUN, Optional.of("gue"), Optional.of(6080),
                Optional.of("remcsum")), v.method());
        assertEquals(Optional.of(Protocol.UDP), v.protocol());
        assertEquals(Optional.of(Duration.ofSeconds(360)), v.persistenceTimeout());
        assertEquals(Optional.of("255.255.255.0"), v.persistenceGranularity());
    }

    @Test
    void poolPoliciesAndSorryServer() {
        VirtualServer v = vs("""
                virtual_server 192.0.2.10 80 {
                    lvs_sched wrr
                    lvs_method NAT
                    protocol TCP
                    quorum 3
                    hysteresis 1
                    quorum_up "/bin/up now"
                    sorry_server 10.0.0.99
                    sorry_server_inhibit
                    sorry_server_lvs_method DR
                    inhibit_on_failure
                    ha_suspend
                    omega
                }
                """);
        assertEquals(3, v.quorum());
        assertEquals(1, v.hysteresis());
        assertEquals(List.of("/bin/up", "now"), v.quorumUp().orElseThrow().argv());
        SorryServer s = v.sorryServer().orElseThrow();
        assertEquals("10.0.0.99", IpAddresses.format(s.address()));
        assertEquals(80, s.port());
        assertEquals(true, s.inhibit());
        assertEquals(ForwardingMethod.Kind.DR, s.method().kind());
        assertEquals(List.of(true, true, true), List.of(v.inhibitOnFailure(), v.haSuspend(), v.omega()));
    }

    @Test
    void realServerInheritsPortMethodAndInhibitFromTheVirtualServer() {
        VirtualServer v = vs("""
                virtual_server 192.0.2.10 443 {
                    lvs_sched rr
                    lvs_method DR
                    protocol TCP
                    inhibit_on_failure
                    real_server 10.0.0.1 {
                        weight 0
                    }
                    real_server 10.0.0.2 8443 {
                        lvs_method NAT
                        inhibit_on_failure off
                        uthreshold 100
                        lthreshold 10
                        notify_up "/bin/up rs2"
                    }
                }
                """);
        RealServer a = v.realServers().get(0);
        assertEquals(443, a.port());
        assertEquals(0, a.weight());
        assertEquals(ForwardingMethod.Kind.DR, a.method().kind());
        assertEquals(true, a.inhibitOnFailure());
        RealServer b = v.realServers().get(1);
        assertEquals(8443, b.port());
        assertEquals(1, b.weight());
        assertEquals(ForwardingMethod.Kind.NAT, b.method().kind());
        assertEquals(false, b.inhibitOnFailure());
        assertEquals(List.of(100, 10), List.of(b.upperThreshold(), b.lowerThreshold()));
        assertEquals(List.of("/bin/up", "rs2"), b.notifyUp().orElseThrow().argv());
    }

    @Test
    void checkerSettingsInheritFromRealServerThenVirtualServerThenTypeDefaults() {
        VirtualServer v = vs("""
                virtual_server 192.0.2.10 80 {
                    lvs_sched rr
                    lvs_method NAT
                    protocol TCP
                    delay_loop 10
                    retry 4
                    real_server 10.0.0.1 80 {
                        connect_timeout 2
                        TCP_CHECK {
                            delay_before_retry 7
                        }
                        HTTP_GET {
                            url { path / }
                            retry 2
                        }
                        DNS_CHECK {
                        }
                    }
                    real_server 10.0.0.2 80 {
                        MISC_CHECK {
                            misc_path "/bin/check 10.0.0.2"
                        }
                        DNS_CHECK {
                            retry 0
                        }
                    }
                }
                """);
        CheckTiming tcp = v.realServers().get(0).checkers().get(0).timing();
        assertEquals(new CheckTiming(Duration.ofSeconds(10), Duration.ofSeconds(2), 4, Duration.ofSeconds(7),
                Optional.empty(), false, Optional.empty(), Optional.empty(), Duration.ZERO), tcp);
        CheckTiming http = v.realServers().get(0).checkers().get(1).timing();
        assertEquals(2, http.retry());
        assertEquals(Duration.ofSeconds(3), http.delayBeforeRetry());
        CheckTiming dns = v.realServers().get(0).checkers().get(2).timing();
        assertEquals(4, dns.retry());
        assertEquals(Duration.ofSeconds(10), dns.delayBeforeRetry());
        CheckTiming misc = v.realServers().get(1).checkers().get(0).timing();
        assertEquals(4, misc.retry());
        assertEquals(0, v.realServers().get(1).checkers().get(1).timing().retry());
    }

    @Test
    void checkerTypeDefaultsApplyWhenNoLevelGivesAValue() {
        VirtualServer v = vs("""
                virtual_server 192.0.2.10 80 {
                    protocol TCP
                    real_server 10.0.0.1 80 {
                        TCP_CHECK { }
                        SSL_GET { url { path /h } }
                        DNS_CHECK { }
                        MISC_CHECK { misc_path /bin/true }
                    }
                }
                """);
        List<Checker> c = v.realServers().get(0).checkers();
        assertEquals(List.of(1, 1, 3, 0), c.stream().map(x -> x.timing().retry()).toList());
        assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(3), Duration.ofSeconds(60),
                Duration.ofSeconds(1)), c.stream().map(x -> x.timing().delayBeforeRetry()).toList());
        assertEquals(List.of(Duration.ofSeconds(60), Duration.ofSeconds(5)),
                List.of(c.get(0).timing().delayLoop(), c.get(0).timing().connectTimeout()));
        assertEquals(new CheckSpec.Dns("SOA", "."), c.get(2).spec());
        assertEquals(new CheckSpec.Misc(new Command(List.of("/bin/true"), Optional.empty(), Optional.empty(),
                new Where("lvsd.conf", 7)),
                Duration.ofSeconds(60), false), c.get(3).spec());
    }

    @Test
    void httpCheckReadsUrlsStatusRangesAndTlsExtensions() {
        VirtualServer v = vs("""
                virtual_server 192.0.2.10 443 {
                    protocol TCP
                    virtualhost www.example.com
                    real_server 10.0.0.1 443 {
                        SSL_GET {
                            url { path /health status_code 200-299 404 }
                            url {
                                path /x
                                digest 9B3A0C85A887A256D6939DA88AABD8CD
                                virtualhost api.example.com
                            }
                            enable_sni
                            sni_name www.example.com
                            verify_cert
                            ca_file /etc/ssl/ca.pem
                            http_protocol 1.1
                            nb_get_retry 5
                            connect_ip 10.0.1.1
                            connect_port 8443
                        }
                    }
                }
                """);
        Checker c = v.realServers().get(0).checkers().get(0);
        CheckSpec.Http h = (CheckSpec.Http) c.spec();
        assertEquals(true, h.tls());
        UrlCheck u1 = h.urls().get(0);
        assertEquals("/health", u1.path());
        assertEquals(List.of(new StatusRange(200, 299), new StatusRange(404, 404)), u1.statusCodes());
        assertEquals(Optional.of("www.example.com"), u1.virtualhost());
        UrlCheck u2 = h.urls().get(1);
        assertEquals(Optional.of("9b3a0c85a887a256d6939da88aabd8cd"), u2.digest());
        assertEquals(List.of(new StatusRange(200, 299)), u2.statusCodes());
        assertEquals(Optional.of("api.example.com"), u2.virtualhost());
        assertEquals(List.of(true, true), List.of(h.enableSni(), h.verifyCert()));
        assertEquals(Optional.of("/etc/ssl/ca.pem"), h.caFile());
        assertEquals("1.1", h.httpProtocol());
        assertEquals(5, c.timing().retry());
        assertEquals("10.0.1.1", IpAddresses.format(c.target().connectIp()));
        assertEquals(8443, c.target().connectPort());
    }

    @Test
    void otherCheckersReadTheirOwnKeywords() {
        KeepalivedConfig k = TestConfigs.model("""
                track_file weightfile { file /run/w }
                virtual_server 192.0.2.10 25 {
                    protocol TCP
                    rise 3
                    fall 2
                    slow_start 30
                    real_server 10.0.0.1 25 {
                        SMTP_CHECK { helo_name lvs.example.com }
                        UDP_CHECK { payload 0a0b require_reply 0aXX min_reply_length 2 max_reply_length 10 }
                        PING_CHECK { }
                        FILE_CHECK { track_file weightfile dynamic weight 5 reverse }
                        MISC_CHECK { misc_path /bin/chk misc_timeout 3 misc_dynamic user nobody }
                    }
                }
                """);
        List<Checker> c = k.virtualServers().get(0).realServers().get(0).checkers();
        assertEquals(new CheckSpec.Smtp(Optional.of("lvs.example.com")), c.get(0).spec());
        assertEquals(new CheckSpec.Udp(Optional.of("0a0b"), true, Optional.of("0aXX"), 2, 10), c.get(1).spec());
        assertEquals(new CheckSpec.Ping(), c.get(2).spec());
        assertEquals(new CheckSpec.File("weightfile", true, 5, true), c.get(3).spec());
        assertEquals(new CheckSpec.Misc(new Command(List.of("/bin/chk"), Optional.of("nobody"), Optional.empty(),
                new Where("lvsd.conf", 12)),
                Duration.ofSeconds(3), true), c.get(4).spec());
        assertEquals(List.of(Optional.of(3), Optional.of(2)), List.of(c.get(0).timing().rise(), c.get(0).timing().fall()));
        assertEquals(Duration.ofSeconds(30), c.get(0).timing().slowStart());
    }

    @Test
    void virtualServerGroupEntries() {
        KeepalivedConfig k = TestConfigs.model("""
                virtual_server_group VSG_1 {
                    10.0.0.1 8080
                    192.168.200.3-10 80
                    192.168.200.250-192.168.201.10 80
                    192.168.202.8/29 80
                    2001:db8::1-ff 443
                    fwmark 1 inet6
                }
                virtual_server group VSG_1 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method DR
                }
                """);
        List<VsgEntry> e = k.vsGroups().get("VSG_1").entries();
        assertEquals(List.of("10.0.0.1-10.0.0.1:8080", "192.168.200.3-192.168.200.10:80",
                "192.168.200.250-192.168.201.10:80", "192.168.202.8-192.168.202.15:80", "2001:db8::1-2001:db8::ff:443"),
                e.subList(0, 5).stream().map(x -> (VsgEntry.Range) x)
                        .map(r -> IpAddresses.format(r.first()) + "-" + IpAddresses.format(r.last()) + ":" + r.port())
                        .toList());
        assertEquals(new VsgEntry.Fwmark(1, Optional.of(AddressFamily.INET6), new Where("lvsd.conf", 7)), e.get(5));
        assertEquals(new VsAddress.Group("VSG_1"), k.virtualServers().get(0).address());
    }

    @Test
    void fwmarkRealServerWithoutPortIsCheckedOnTheConnectPortOrByPing() {
        VirtualServer v = vs("""
                virtual_server fwmark 3 {
                    lvs_sched rr
                    lvs_method DR
                    real_server 10.0.0.1 {
                        TCP_CHECK { connect_port 8080 }
                        PING_CHECK { }
                    }
                }
                """);
        RealServer rs = v.realServers().get(0);
        assertEquals(0, rs.port());
        assertEquals(List.of(8080, 0), rs.checkers().stream().map(c -> c.target().connectPort()).toList());
    }

    @Test
    void duplicateRealServersAndServicesAreWarnedAndTheFirstKept() {
        String text = """
                virtual_server 192.0.2.10 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                    real_server 10.0.0.1 80 {
                        weight 2
                    }
                    real_server 10.0.0.1 80 {
                        weight 3
                    }
                }
                virtual_server 192.0.2.10 80 {
                    protocol TCP
                    lvs_sched rr
                    lvs_method NAT
                }
                virtual_server 192.0.2.10 80 {
                    protocol UDP
                    lvs_sched rr
                    lvs_method NAT
                }
                """;
        assertEquals(List.of("lvsd.conf:8: warning: real_server 10.0.0.1 80 is already defined at lvsd.conf:5, ignored",
                "lvsd.conf:12: warning: virtual_server 192.0.2.10 80 is already defined at lvsd.conf:1, ignored"),
                TestConfigs.messages(text));
        KeepalivedConfig c = TestConfigs.model(text);
        assertEquals(List.of(Optional.of(Protocol.TCP), Optional.of(Protocol.UDP)),
                c.virtualServers().stream().map(VirtualServer::protocol).toList());
        assertEquals(List.of(2), c.virtualServers().get(0).realServers().stream().map(RealServer::weight).toList());
    }

    private static String urlConfig(String urlBody) {
        return "virtual_server 192.0.2.10 80 {\nprotocol TCP\nlvs_sched rr\nlvs_method NAT\n"
                + "real_server 10.0.0.1 80 {\nHTTP_GET {\nurl {\npath /\n" + urlBody + "}\n}\n}\n}\n";
    }

    @Test
    void regexOptionsAndOffsetsAreRead() {
        String text = urlConfig("regex ready\nregex_options caseless dotall caseless\n"
                + "regex_min_offset 4\nregex_max_offset 10\n");
        assertEquals(List.of(), TestConfigs.messages(text));
        CheckSpec.Http h = (CheckSpec.Http) vs(text).realServers().get(0).checkers().get(0).spec();
        UrlCheck u = h.urls().get(0);
        assertEquals(List.of("caseless", "dotall"), u.regexOptions());
        assertEquals(4, u.regexMinOffset());
        assertEquals(Optional.of(10), u.regexMaxOffset());
    }

    @Test
    void regexOptionsWithoutAJavaEquivalentAreRefusedWithTheirLine() {
        assertEquals(List.of("lvsd.conf:10: regex_options ungreedy is a PCRE2 option without a "
                        + "java.util.regex equivalent; lvsd supports caseless, multiline, dotall",
                "lvsd.conf:10: regex_options: unknown option 'Caseless'; lvsd supports caseless, "
                        + "multiline, dotall"),
                TestConfigs.messages(urlConfig("regex x\nregex_options multiline ungreedy Caseless\n")));
    }

    @Test
    void aMaximumOffsetBelowTheMinimumIsAnError() {
        assertEquals(List.of("lvsd.conf:11: regex_max_offset 3 is below regex_min_offset 5"),
                TestConfigs.messages(urlConfig("regex x\nregex_min_offset 5\nregex_max_offset 3\n")));
        assertEquals(List.of("lvsd.conf:10: regex_min_offset -1 out of range 0..2147483647"),
                TestConfigs.messages(urlConfig("regex x\nregex_min_offset -1\n")));
    }
}
