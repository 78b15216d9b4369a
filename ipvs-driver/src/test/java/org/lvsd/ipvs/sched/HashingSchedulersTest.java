package org.lvsd.ipvs.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.sched.Fixtures.addr;
import static org.lvsd.ipvs.sched.Fixtures.rs;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceFlag;

/** sh and dh: bucket tables and hashes of ip_vs_sh.c / ip_vs_dh.c (expected values computed by hand). */
class HashingSchedulersTest {
    private static final List<Candidate> THREE_TO_ONE = List.of(Candidate.idle(rs(21), 3), Candidate.idle(rs(22), 1));

    private static Map<String, Integer> shOverClients(Scheduler s, List<Candidate> dests) {
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 256; i++) {
            Flow f = new Flow(addr("203.0.113." + i), 40000, Fixtures.VIP, 80);
            counts.merge(s.schedule(dests, f).map(Fixtures::octet).orElse("-"), 1, Integer::sum);
        }
        return counts;
    }

    @Test
    void shSpreadsA24ByWeightExactly() {
        Scheduler s = Fixtures.scheduler("sh");
        s.update(THREE_TO_ONE);
        assertEquals(Map.of("21", 192, "22", 64), shOverClients(s, THREE_TO_ONE));
    }

    @Test
    void shIsStablePerSourceAcrossPorts() {
        Scheduler s = Fixtures.scheduler("sh");
        s.update(THREE_TO_ONE);
        Map<String, Integer> counts = new HashMap<>();
        for (int port = 1024; port < 1280; port++) {
            Flow f = new Flow(addr("203.0.113.7"), port, Fixtures.VIP, 80);
            counts.merge(s.schedule(THREE_TO_ONE, f).map(Fixtures::octet).orElseThrow(), 1, Integer::sum);
        }
        assertEquals(Map.of("21", 256), counts);
    }

    @Test
    void shFoldsIpv6ClientsIntoOneWord() {
        Scheduler s = Fixtures.scheduler("sh");
        s.update(THREE_TO_ONE);
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 256; i++) {
            Flow f = new Flow(addr("2001:db8:" + Integer.toHexString(i) + "::1"), 40000, addr("2001:db8::100"), 80);
            counts.merge(s.schedule(THREE_TO_ONE, f).map(Fixtures::octet).orElseThrow(), 1, Integer::sum);
        }
        // 2001:db8:i::1 folds to 0x20010db8 ^ (i << 16) ^ 1; values computed by hand from hash_32
        assertEquals(Map.of("21", 191, "22", 65), counts);
    }

    @Test
    void shPortFlagHashesTheClientPortToo() {
        Scheduler s = Fixtures.scheduler("sh", ServiceFlag.SCHED2);
        s.update(THREE_TO_ONE);
        Map<String, Integer> counts = new HashMap<>();
        for (int port = 1024; port < 1280; port++) {
            Flow f = new Flow(addr("203.0.113.7"), port, Fixtures.VIP, 80);
            counts.merge(s.schedule(THREE_TO_ONE, f).map(Fixtures::octet).orElseThrow(), 1, Integer::sum);
        }
        assertEquals(Map.of("21", 192, "22", 64), counts);
    }

    @Test
    void shWithoutFallbackDropsFlowsOfAnUnavailableServer() {
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 3), new Candidate(rs(22), 1, 1, 0, 0, true));
        Scheduler s = Fixtures.scheduler("sh");
        s.update(dests);
        assertEquals(Map.of("21", 192, "-", 64), shOverClients(s, dests));
    }

    @Test
    void shFallbackWalksTheTableFromTheOriginalBucket() {
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 3), new Candidate(rs(22), 1, 1, 0, 0, true));
        Scheduler s = Fixtures.scheduler("sh", ServiceFlag.SCHED1);
        s.update(dests);
        // 203.0.113.2 hashes to bucket 147 (server 22); the first fallback probe is bucket 38 (server 21)
        Optional<RealServer> picked = s.schedule(dests, new Flow(addr("203.0.113.2"), 1, Fixtures.VIP, 80));
        assertEquals(Optional.of(rs(21)), picked);
        assertEquals(Map.of("21", 256), shOverClients(s, dests));
    }

    @Test
    void dhHashesTheVirtualAddress() {
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 1), Candidate.idle(rs(22), 1), Candidate.idle(rs(23), 1));
        Scheduler s = Fixtures.scheduler("dh");
        s.update(dests);
        // fold(198.51.100.100) * 2654435761 & 255 = 36; bucket 36 holds dests[36 % 3]
        for (int i = 0; i < 5; i++) {
            Flow f = new Flow(addr("203.0.113." + i), 1000 + i, addr("198.51.100.100"), 80);
            assertEquals(Optional.of(rs(21)), s.schedule(dests, f));
        }
        Map<String, Integer> counts = new HashMap<>();
        for (int i = 0; i < 256; i++) {
            Flow f = new Flow(addr("203.0.113.1"), 1000, addr("198.51.100." + i), 80);
            counts.merge(s.schedule(dests, f).map(Fixtures::octet).orElseThrow(), 1, Integer::sum);
        }
        assertEquals(Map.of("21", 86, "22", 85, "23", 85), counts);
    }

    @Test
    void dhGivesNothingWhenTheHashedServerHasWeightZero() {
        List<Candidate> dests = List.of(Candidate.idle(rs(21), 0), Candidate.idle(rs(22), 1), Candidate.idle(rs(23), 1));
        Scheduler s = Fixtures.scheduler("dh");
        s.update(dests);
        assertEquals(Optional.empty(), s.schedule(dests, new Flow(addr("203.0.113.1"), 1, addr("198.51.100.100"), 80)));
    }
}
