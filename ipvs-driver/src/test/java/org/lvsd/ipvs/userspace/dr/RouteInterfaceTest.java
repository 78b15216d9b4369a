package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.userspace.dr.RouteInterface.Candidate;

class RouteInterfaceTest {
    private static InetAddress ip(String s) throws Exception {
        return InetAddress.getByName(s);
    }

    private static List<Candidate> lab() throws Exception {
        return List.of(
                new Candidate("lo", 1, false, ip("127.0.0.1"), 8),
                new Candidate("eth1", 3, true, ip("198.51.100.2"), 24),
                new Candidate("eth0", 2, true, ip("198.51.100.2"), 24),
                new Candidate("eth0", 2, true, ip("198.51.100.100"), 32),
                new Candidate("eth2", 4, true, ip("203.0.113.7"), 25),
                new Candidate("down0", 5, false, ip("192.0.2.1"), 24));
    }

    @Test
    void aServerInADirectlyConnectedPrefixGetsTheLowestIndexedInterfaceHoldingIt() throws Exception {
        assertEquals(Optional.of("eth0"), RouteInterface.choose(lab(), ip("198.51.100.21")));
        assertEquals(Optional.of("eth2"), RouteInterface.choose(lab(), ip("203.0.113.127")));
    }

    @Test
    void prefixBoundariesAreExactToTheBit() throws Exception {
        assertEquals(Optional.empty(), RouteInterface.choose(lab(), ip("203.0.113.128")));
        assertEquals(Optional.empty(), RouteInterface.choose(lab(), ip("198.51.101.21")));
    }

    @Test
    void loopbackDownAndOtherFamiliesAreNeverChosen() throws Exception {
        assertEquals(Optional.empty(), RouteInterface.choose(lab(), ip("127.0.0.21")));
        assertEquals(Optional.empty(), RouteInterface.choose(lab(), ip("192.0.2.9")));
        assertEquals(Optional.empty(), RouteInterface.choose(lab(), ip("2001:db8::21")));
    }
}
