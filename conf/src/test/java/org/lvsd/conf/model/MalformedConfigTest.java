package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Malformed inputs: each gives exactly the expected diagnostic and no model. */
class MalformedConfigTest {

    private static final String VI_HEAD = "vrrp_instance VI_1 {\ninterface eth0\nvirtual_router_id 51\n"
            + "virtual_ipaddress { 192.0.2.10 }\n";

    private static String vi(String body) {
        return VI_HEAD + body + "\n}\n";
    }

    private static String vs(String body) {
        return "virtual_server 192.0.2.10 80 {\nprotocol TCP\nlvs_sched rr\nlvs_method NAT\n" + body + "\n}\n";
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(vi("priority high"), "lvsd.conf:5: priority expects an integer 1..255, got 'high'"),
                Arguments.of("vrrp_instance VI_1 {\ninterface eth0\nvirtual_router_id 300\n"
                        + "virtual_ipaddress { 192.0.2.10 }\n}", "lvsd.conf:3: virtual_router_id 300 out of range 1..255"),
                Arguments.of("vrrp_instance VI_1 {\ninterface eth0\nvirtual_ipaddress { 192.0.2.10 }\n}",
                        "lvsd.conf:1: (VI_1) missing virtual_router_id"),
                Arguments.of("vrrp_instance VI_1 {\nvirtual_router_id 5\nvirtual_ipaddress { 192.0.2.10 }\n}",
                        "lvsd.conf:1: (VI_1) missing interface (required unless unicast_peer is given)"),
                Arguments.of(vi("track_script {\nchk_x\n}"), "lvsd.conf:6: track_script 'chk_x' is not defined"),
                Arguments.of(vi("track_file {\ntf\n}"), "lvsd.conf:6: track_file 'tf' is not defined"),
                Arguments.of(vi("") + "vrrp_instance VI_1 {\ninterface eth1\nvirtual_router_id 52\n"
                        + "virtual_ipaddress { 192.0.2.11 }\n}", "lvsd.conf:7: vrrp_instance 'VI_1' is already defined at lvsd.conf:1"),
                Arguments.of(vi("") + "vrrp_instance VI_2 {\ninterface eth0\nvirtual_router_id 51\n"
                        + "virtual_ipaddress { 192.0.2.11 }\n}",
                        "lvsd.conf:7: (VI_2) virtual_router_id 51 on eth0 is already used by VI_1 at lvsd.conf:1"),
                Arguments.of(vi("") + "vrrp_sync_group G {\ngroup {\nVI_1\nVI_9\n}\n}",
                        "lvsd.conf:7: vrrp_sync_group G: member 'VI_9' is not a vrrp_instance"),
                Arguments.of("virtual_server group NOPE {\nprotocol TCP\nlvs_sched rr\nlvs_method DR\n}",
                        "lvsd.conf:1: virtual_server group 'NOPE' is not defined"),
                Arguments.of(vi("unicast_src_ip 192.0.2.300"),
                        "lvsd.conf:5: unicast_src_ip expects an IP address, got '192.0.2.300'"),
                Arguments.of("virtual_server 192.0.2.10 http {\nprotocol TCP\nlvs_sched rr\nlvs_method NAT\n}",
                        "lvsd.conf:1: virtual_server expects a port 0..65535, got 'http'"),
                Arguments.of(vs("lvs_sched fastest"), "lvsd.conf:5: unknown lvs_sched 'fastest', expected one of "
                        + "dh|fo|lblc|lblcr|lc|mh|nq|ovf|rr|sed|sh|twos|wlc|wrr"),
                Arguments.of("vrrp_instance VI_1 {\ninterface eth0\nvirtual_router_id 51\nversion 3\n"
                        + "virtual_ipaddress { 192.0.2.10 }\nauthentication {\nauth_type PASS\nauth_pass x\n}\n}",
                        "lvsd.conf:6: (VI_1) authentication is not allowed with VRRP version 3"),
                Arguments.of(vi("priority 255\nnopreempt\nstate BACKUP"),
                        "lvsd.conf:1: (VI_1) nopreempt is incompatible with priority 255 (address owner)"),
                Arguments.of("vrrp_instance VI_1 {\ninterface eth0\nvirtual_router_id 51\n"
                        + "virtual_ipaddress {\n192.0.2.10\n2001:db8::1\n}\n}",
                        "lvsd.conf:6: (VI_1) virtual_ipaddress mixes IPv4 and IPv6 addresses (2001:db8::1/128); "
                                + "put the other family in virtual_ipaddress_excluded"),
                Arguments.of(vi("advert_int"), "lvsd.conf:5: missing required argument for 'advert_int'"),
                Arguments.of(vi("state LEADER"), "lvsd.conf:5: state expects MASTER|BACKUP, got 'LEADER'"),
                Arguments.of(vi("version 3\nadvert_int 41"),
                        "lvsd.conf:6: (VI_1) advert_int 41 out of range 0.01..40.95 for VRRP version 3"),
                Arguments.of(vi("advert_int 300"), "lvsd.conf:5: (VI_1) advert_int 300 out of range 1..255 for VRRP version 2"),
                Arguments.of(vs("lvs_method FULLNAT"), "lvsd.conf:5: lvs_method expects NAT|DR|TUN, got 'FULLNAT'"),
                Arguments.of(vs("protocol ICMP"), "lvsd.conf:5: protocol expects TCP|UDP|SCTP, got 'ICMP'"),
                Arguments.of(vs("delay_loop 0"), "lvsd.conf:5: delay_loop must be greater than 0"),
                Arguments.of(vs("real_server 10.0.0.1 80 {\nweight -1\n}"), "lvsd.conf:6: weight -1 out of range 0..65535"),
                Arguments.of(vs("real_server 2001:db8::1 80 {\n}"),
                        "lvsd.conf:5: real_server 2001:db8::1 is not of the virtual server's address family"),
                Arguments.of(vs("real_server 10.0.0.1 80 {\nHTTP_GET {\nurl { status_code 200 }\n}\n}"),
                        "lvsd.conf:7: url: missing 'path'"),
                Arguments.of(vs("real_server 10.0.0.1 80 {\nHTTP_GET {\nurl { path / status_code 700 }\n}\n}"),
                        "lvsd.conf:7: status_code expects codes 100..599 or ranges like 200-299, got '700'"),
                Arguments.of(vs("real_server 10.0.0.1 80 {\nHTTP_GET {\nconnect_timeout 3\n}\n}"),
                        "lvsd.conf:6: HTTP_GET needs at least one url { path ... }"),
                Arguments.of(vs("real_server 10.0.0.1 80 {\nMISC_CHECK {\nmisc_timeout 3\n}\n}"),
                        "lvsd.conf:6: MISC_CHECK: missing 'misc_path'"),
                Arguments.of(vs("real_server 10.0.0.1 80 {\nFILE_CHECK {\ntrack_file nope\n}\n}"),
                        "lvsd.conf:6: FILE_CHECK track_file 'nope' is not defined"),
                Arguments.of("global_defs {\nvrrp_mcast_group4 10.0.0.1\n}",
                        "lvsd.conf:2: vrrp_mcast_group4 expects an IPv4 multicast address, got '10.0.0.1'"),
                Arguments.of("global_defs {\nlvs_driver ebpf\n}", "lvsd.conf:2: lvs_driver expects kernel|userspace|auto, got 'ebpf'"),
                Arguments.of("global_defs {\nmetrics_listen 9650\n}", "lvsd.conf:2: metrics_listen expects ADDR:PORT, got '9650'"),
                Arguments.of("vrrp_script chk {\ninterval 2\n}", "lvsd.conf:1: vrrp_script chk: missing 'script'"),
                Arguments.of("vrrp_instance VI_1\n", "lvsd.conf:1: 'vrrp_instance' expects a { block }"),
                Arguments.of("virtual_server fwmark 3 {\nlvs_sched rr\nlvs_method DR\nreal_server 10.0.0.1 {\n"
                        + "TCP_CHECK {\n}\n}\n}", "lvsd.conf:5: TCP_CHECK needs a port: give connect_port or a port on "
                        + "the real_server"),
                Arguments.of(vi("virtual_routes {\nvia 192.0.2.1\n}"),
                        "lvsd.conf:6: virtual_routes: no destination in 'via 192.0.2.1'"));
    }

    @ParameterizedTest
    @MethodSource("cases")
    void malformedInputGivesItsExactErrorAndNoModel(String text, String expected) {
        ConfigLoaderResultView r = new ConfigLoaderResultView(TestConfigs.load(text));
        assertEquals(List.of(expected), r.errors(), () -> "all diagnostics: " + r.all());
        assertTrue(r.modelAbsent());
    }

    /** The errors of a load, in order. */
    private record ConfigLoaderResultView(org.lvsd.conf.ConfigLoader.LoadResult r) {
        List<String> errors() {
            return r.diagnostics().stream().filter(org.lvsd.conf.Diagnostic::isError).map(Object::toString).toList();
        }

        List<String> all() {
            return r.diagnostics().stream().map(Object::toString).toList();
        }

        boolean modelAbsent() {
            return r.config().isEmpty();
        }
    }
}
