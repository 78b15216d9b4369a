package org.lvsd.ipvs.sched;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * sh (ip_vs_sh.c): 256 buckets filled in list order, each destination taking as many consecutive
 * buckets as its weight (at least one); a flow's bucket is
 * {@code hash_32(port + fold(client address), 8)} where port is the client port with sh-port
 * (IP_VS_SVC_F_SCHED2) and 0 otherwise. With sh-fallback (IP_VS_SVC_F_SCHED1) an unavailable
 * destination makes the lookup walk the table from the original bucket; without it, no destination.
 */
final class SourceHashing implements Scheduler {
    static final int TABLE_BITS = 8;
    static final int TABLE_SIZE = 1 << TABLE_BITS;

    private final boolean fallback;
    private final boolean usePort;
    private final RealServer[] buckets = new RealServer[TABLE_SIZE];

    SourceHashing(boolean fallback, boolean usePort) {
        this.fallback = fallback;
        this.usePort = usePort;
    }

    @Override
    public String name() {
        return "sh";
    }

    @Override
    public void update(List<Candidate> destinations) {
        int p = 0;
        int count = 0;
        for (int i = 0; i < TABLE_SIZE; i++) {
            if (destinations.isEmpty()) {
                buckets[i] = null;
                continue;
            }
            Candidate c = destinations.get(p);
            buckets[i] = c.server();
            if (++count >= c.weight()) {
                p = (p + 1) % destinations.size();
                count = 0;
            }
        }
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        Map<RealServer, Candidate> byServer = new HashMap<>();
        destinations.forEach(c -> byServer.put(c.server(), c));
        int port = usePort ? flow.clientPort() : 0;
        int key = port + AddressFold.fold(flow.clientAddress());
        int ihash = hashKey(key, 0);
        RealServer server = buckets[ihash];
        if (server == null) {
            return Optional.empty();
        }
        if (usable(byServer.get(server))) {
            return Optional.of(server);
        }
        if (!fallback) {
            return Optional.empty();
        }
        for (int offset = 0; offset < TABLE_SIZE; offset++) {
            int roffset = (offset + ihash) % TABLE_SIZE;
            RealServer s = buckets[hashKey(key, roffset)];
            if (s == null) {
                break;
            }
            if (usable(byServer.get(s))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    private static int hashKey(int key, int offset) {
        return (offset + AddressFold.hash32(key, TABLE_BITS)) & (TABLE_SIZE - 1);
    }

    private static boolean usable(Candidate c) {
        return c != null && c.available();
    }
}
