package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class KeywordsTest {

    @Test
    void lookupKnowsStatusPerBlock() {
        assertEquals(KeywordStatus.SUPPORTED, Keywords.lookup(Block.VRRP_INSTANCE, "priority").orElseThrow().status());
        assertEquals(KeywordStatus.ACCEPTED_NO_EFFECT,
                Keywords.lookup(Block.GLOBAL_DEFS, "enable_snmp_vrrp").orElseThrow().status());
        assertEquals(KeywordStatus.UNSUPPORTED, Keywords.lookup(Block.VRRP_INSTANCE, "auth_hmac").orElseThrow().status());
        assertEquals(Optional.empty(), Keywords.lookup(Block.VRRP_INSTANCE, "lvs_sched"));
    }

    @Test
    void noKeywordIsListedTwiceInABlock() {
        Set<String> seen = new HashSet<>();
        for (Keyword k : Keywords.all()) {
            assertTrue(seen.add(k.block() + " " + k.name()), "listed twice: " + k);
        }
    }

    @Test
    void markdownTableHasAHeaderAndOneRowPerKeyword() {
        String[] lines = Keywords.markdownTable().split("\n");
        assertEquals("| block | keyword | status | note |", lines[0]);
        assertEquals(Keywords.all().size() + 2, lines.length);
        assertTrue(Keywords.markdownTable().contains("| `virtual_server` | `lb_algo` | supported | legacy alias of lvs_sched |\n"));
        assertTrue(Keywords.markdownTable().contains("| `global_defs` | `enable_dbus` | accepted, no effect |  |\n"));
    }
}
