package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every keyword the registry calls SUPPORTED reaches a reader that handles it. */
class KeywordCoverageTest {

    private static final String VI = "vrrp_instance A {\ninterface eth0\nvirtual_router_id 1\n"
            + "virtual_ipaddress { 192.0.2.1 }\n%s\n}\n";
    private static final String VS = "virtual_server 192.0.2.1 80 {\nprotocol TCP\n%s\n}\n";
    private static final String RS = String.format(VS, "real_server 10.0.0.1 80 {\n%s\n}");

    private static final Map<Block, String> PLACES = Map.ofEntries(
            Map.entry(Block.GLOBAL_DEFS, "global_defs {\n%s\n}\n"),
            Map.entry(Block.VRRP_SCRIPT, "vrrp_script s {\nscript /bin/true\n%s\n}\n"),
            Map.entry(Block.TRACK_FILE, "track_file t {\nfile /run/t\n%s\n}\n"),
            Map.entry(Block.VRRP_SYNC_GROUP, String.format(VI, "") + "vrrp_sync_group g {\ngroup { A }\n%s\n}\n"),
            Map.entry(Block.VRRP_INSTANCE, VI),
            Map.entry(Block.AUTHENTICATION, String.format(VI, "authentication {\n%s\n}")),
            Map.entry(Block.VIRTUAL_SERVER, VS),
            Map.entry(Block.REAL_SERVER, RS),
            Map.entry(Block.URL, String.format(RS, "HTTP_GET {\nurl {\npath /\n%s\n}\n}")));

    private static String place(Block b) {
        return switch (b) {
            case TCP_CHECK, HTTP_GET, SSL_GET, MISC_CHECK, SMTP_CHECK, DNS_CHECK, UDP_CHECK, PING_CHECK, FILE_CHECK ->
                    String.format(RS, b.spelling() + " {\n%s\n}");
            default -> PLACES.get(b);
        };
    }

    @Test
    void everySupportedKeywordHasAReader() {
        int checked = 0;
        for (Keyword k : Keywords.all()) {
            if (k.status() != KeywordStatus.SUPPORTED || k.block() == Block.ROOT) {
                continue;
            }
            String words = k.name() + " 1".repeat(k.minArgs());
            String text = String.format(place(k.block()), words);
            List<String> internal = TestConfigs.messages(text).stream().filter(m -> m.contains("internal")).toList();
            assertEquals(List.of(), internal, k.block() + " " + k.name());
            checked++;
        }
        assertEquals(Keywords.all().stream()
                .filter(k -> k.status() == KeywordStatus.SUPPORTED && k.block() != Block.ROOT).count(), checked);
    }
}
