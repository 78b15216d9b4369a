package org.lvsd.conf.model;

import static org.lvsd.conf.model.Keyword.MANY;

import java.util.List;

/** Keywords of virtual_server, real_server and the checker blocks (keepalived.conf(5)). */
final class LvsKeywords {

    private static final List<String> SCHED_FLAGS = List.of("flag-1", "flag-2", "flag-3", "sh-port",
            "sh-fallback", "mh-port", "mh-fallback", "ops", "hashed");

    private LvsKeywords() {
    }

    static List<Keyword> all() {
        KeywordTable t = new KeywordTable();
        t.block(Block.VIRTUAL_SERVER)
                .supported("lvs_sched", 1, 1)
                .supported("lb_algo", 1, 1, "legacy alias of lvs_sched");
        SCHED_FLAGS.forEach(f -> t.supported(f, 0, 0, "scheduler flag"));
        t.supported("lvs_method", 1, 6)
                .supported("lb_kind", 1, 6, "legacy alias of lvs_method")
                .supported("protocol", 1, 1)
                .supported("persistence_timeout", 0, 1)
                .supported("persistence_granularity", 1, 1)
                .supported("persistence_engine", 1, 1)
                .supported("ip_family", 1, 1)
                .supported("omega", 0, 1)
                .supported("quorum", 1, 1)
                .supported("hysteresis", 1, 1)
                .supported("quorum_up", 1, 3)
                .supported("quorum_down", 1, 3)
                .supported("sorry_server", 1, 2)
                .supported("sorry_server_inhibit", 0, 1)
                .supported("sorry_server_lvs_method", 1, 6)
                .supported("ha_suspend", 0, 0)
                .supported("real_server", 1, 2);
        serverCommon(t);
        t.noEffect("snmp_name");
        t.block(Block.REAL_SERVER)
                .supported("weight", 1, 1)
                .supported("lvs_method", 1, 6)
                .supported("lb_kind", 1, 6, "legacy alias of lvs_method")
                .supported("notify_up", 1, 3)
                .supported("notify_down", 1, 3)
                .supported("uthreshold", 1, 1)
                .supported("lthreshold", 1, 1);
        serverCommon(t);
        for (String c : List.of("TCP_CHECK", "HTTP_GET", "SSL_GET", "MISC_CHECK", "SMTP_CHECK", "DNS_CHECK",
                "UDP_CHECK", "PING_CHECK", "FILE_CHECK")) {
            t.supported(c, 0, 0);
        }
        t.noEffect("snmp_name").unsupported("BFD_CHECK");
        checkers(t);
        return t.keywords();
    }

    private static void serverCommon(KeywordTable t) {
        t.supported("delay_loop", 1, 1)
                .supported("connect_timeout", 1, 1)
                .supported("retry", 1, 1)
                .supported("delay_before_retry", 1, 1)
                .supported("warmup", 1, 1)
                .supported("alpha", 0, 1)
                .supported("inhibit_on_failure", 0, 1)
                .supported("virtualhost", 1, 1)
                .supported("smtp_alert", 0, 1)
                .supported("rise", 1, 1, "lvsd extension")
                .supported("fall", 1, 1, "lvsd extension")
                .supported("slow_start", 1, 1, "lvsd extension");
    }

    private static void timing(KeywordTable t) {
        t.supported("alpha", 0, 1)
                .supported("connect_timeout", 1, 1)
                .supported("retry", 1, 1)
                .supported("nb_get_retry", 1, 1, "legacy alias of retry")
                .supported("delay_before_retry", 1, 1)
                .supported("warmup", 1, 1)
                .supported("delay_loop", 1, 1)
                .supported("log_all_failures", 0, 1)
                .supported("rise", 1, 1, "lvsd extension")
                .supported("fall", 1, 1, "lvsd extension")
                .supported("slow_start", 1, 1, "lvsd extension");
    }

    private static void connection(KeywordTable t) {
        t.supported("connect_ip", 1, 1)
                .supported("connect_port", 1, 1)
                .supported("bindto", 1, 1)
                .supported("bind_port", 1, 1)
                .supported("bind_if", 1, 1)
                .supported("fwmark", 1, 1);
        timing(t);
    }

    private static void checkers(KeywordTable t) {
        connection(t.block(Block.TCP_CHECK));
        connection(t.block(Block.PING_CHECK));
        for (Block http : List.of(Block.HTTP_GET, Block.SSL_GET)) {
            connection(t.block(http));
            t.supported("url", 0, 0)
                    .supported("http_protocol", 1, 1)
                    .supported("fast_recovery", 0, 1)
                    .supported("virtualhost", 1, 1)
                    .supported("enable_sni", 0, 1)
                    .supported("sni_name", 1, 1)
                    .supported("verify_cert", 0, 1, "lvsd extension")
                    .supported("ca_file", 1, 1, "lvsd extension");
        }
        t.block(Block.URL)
                .supported("path", 1, 1)
                .supported("digest", 1, 1)
                .supported("status_code", 1, MANY)
                .supported("virtualhost", 1, 1)
                .supported("regex", 1, 1)
                .supported("regex_no_match", 0, 0)
                .supported("regex_options", 1, MANY)
                .supported("regex_min_offset", 1, 1)
                .supported("regex_max_offset", 1, 1)
                // regex_stack sizes PCRE2's JIT stack; java.util.regex has none to size (a
                // match that overflows the thread's stack fails the probe instead)
                .noEffect("regex_stack", "tls_compliant");
        timing(t.block(Block.MISC_CHECK));
        t.supported("misc_path", 1, MANY)
                .supported("misc_timeout", 1, 1)
                .supported("misc_dynamic", 0, 0)
                .supported("user", 1, 2);
        connection(t.block(Block.SMTP_CHECK));
        t.supported("helo_name", 1, 1).unsupported("host");
        connection(t.block(Block.DNS_CHECK));
        t.supported("type", 1, 1).supported("name", 1, 1);
        connection(t.block(Block.UDP_CHECK));
        t.supported("payload", 1, 1)
                .supported("require_reply", 0, 1)
                .supported("min_reply_length", 1, 1)
                .supported("max_reply_length", 1, 1);
        t.block(Block.FILE_CHECK)
                .supported("track_file", 1, 1)
                .supported("dynamic", 0, 0)
                .supported("weight", 1, 2);
    }
}
