package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * lvsd in dir1 of the lab with {@code lvs_driver userspace}: one VRRP instance holding the VIP
 * and a NAT virtual server on VIP:80 over nginx in rs1 and rs2, TCP_CHECK'd. The client's HTTP
 * requests through the VIP alternate between both servers; a stopped server leaves the pool
 * within delay_loop x (retry + 1) + connect_timeout plus slack and comes back when it serves
 * again; SIGTERM exits 0 and removes the VIP.
 */
class LvsdServiceIT extends LabTest {

    private static final Duration START = Duration.ofSeconds(20);
    /** delay_loop 1 x (retry 1 + 1) + connect_timeout 1 = 3 s, plus 3 s slack. */
    private static final Duration HEALTH = Duration.ofSeconds(6);

    private static final String CONF = NatServiceConf.text(List.of(),
            List.of("198.51.100.21 80", "198.51.100.22 80"));

    @Test
    void roundRobinThroughTheVipFollowsHealthAndSigtermRemovesTheVip() throws Exception {
        lab("lvsvc", false, false);
        LabWeb web = new LabWeb(lab, dir);
        try {
            Child rs1 = web.nginx("rs1", "198.51.100.21", 80, "rs1");
            web.nginx("rs2", "198.51.100.22", 80, "rs2");
            Director dir1 = lvsdService(CONF, START);

            List<String> both = gets(4);
            assertTrue(Set.of("rs1", "rs2").contains(both.get(0)), both + "\n" + dumps());
            String other = both.get(0).equals("rs1") ? "rs2" : "rs1";
            assertEquals(List.of(both.get(0), other, both.get(0), other), both, dumps());

            rs1.kill();
            awaitAnswers(List.of("rs2", "rs2", "rs2", "rs2"));
            assertEquals(List.of("rs2", "rs2", "rs2", "rs2"), gets(4), dumps());

            web.nginx("rs1", "198.51.100.21", 80, "rs1");
            awaitAnswers(null);

            dir1.term();
            assertFalse(lab.hasVip("dir1", Lab.VIP), "VIP left behind after SIGTERM\n" + dumps());
        } finally {
            web.close();
        }
    }

    /** Waits (bounded by {@link #HEALTH}) until 4 requests answer {@code expected}, or alternate rs1/rs2 when null. */
    private void awaitAnswers(List<String> expected) {
        List<List<String>> last = new ArrayList<>(List.of(List.of()));
        try {
            Awaitility.await("answers").atMost(HEALTH).pollInterval(Duration.ofMillis(100)).until(() -> {
                List<String> got = gets(4);
                last.set(0, got);
                if (expected != null) {
                    return got.equals(expected);
                }
                return Set.of("rs1", "rs2").contains(got.get(0)) && !got.get(0).equals(got.get(1))
                        && got.get(0).equals(got.get(2)) && got.get(1).equals(got.get(3)) && Set.of("rs1", "rs2").contains(got.get(1));
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("last answers " + last.get(0) + ", wanted " + (expected == null ? "rs1/rs2 alternating" : expected)
                    + "\n" + dumps(), e);
        }
    }

    /** {@code n} HTTP GETs from the client through VIP:80: each body trimmed, or "curl exit ..." text. */
    private List<String> gets(int n) throws IOException {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(lab.exec("client", "curl", "-sS", "--max-time", "3", "http://" + Lab.VIP + "/").trim());
        }
        return out;
    }
}
