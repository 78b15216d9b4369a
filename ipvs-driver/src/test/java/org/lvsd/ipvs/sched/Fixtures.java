package org.lvsd.ipvs.sched;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceFlag;

final class Fixtures {
    static final InetAddress VIP = addr("198.51.100.100");

    private Fixtures() {
    }

    static InetAddress addr(String text) {
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static RealServer rs(int lastOctet) {
        return new RealServer(addr("198.51.100." + lastOctet), 80);
    }

    static Flow flowFrom(String client, int port) {
        return new Flow(addr(client), port, VIP, 80);
    }

    static Scheduler scheduler(String name, ServiceFlag... flags) {
        return Schedulers.create(name, Set.of(flags), Clock.systemUTC()).orElseThrow();
    }

    /** Schedules n flows without changing counters and counts picks per server, in first-pick order. */
    static Map<RealServer, Integer> distribution(Scheduler s, List<Candidate> dests, int n) {
        Map<RealServer, Integer> counts = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            RealServer picked = s.schedule(dests, flowFrom("203.0.113.1", 1024 + i)).orElseThrow();
            counts.merge(picked, 1, Integer::sum);
        }
        return counts;
    }

    /** Schedules n flows in sequence and returns the picked servers' last octets. */
    static List<String> sequence(Scheduler s, List<Candidate> dests, int n) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(s.schedule(dests, flowFrom("203.0.113.1", 1024 + i)).map(Fixtures::octet).orElse("-"));
        }
        return out;
    }

    static String octet(RealServer server) {
        byte[] b = server.address().getAddress();
        return Integer.toString(b[b.length - 1] & 0xff);
    }
}
