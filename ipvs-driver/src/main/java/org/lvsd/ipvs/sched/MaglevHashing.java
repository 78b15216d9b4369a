package org.lvsd.ipvs.sched;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lvsd.ipvs.RealServer;

/**
 * mh (ip_vs_mh.c), Maglev consistent hashing. Each destination gets a permutation of the 4093
 * lookup positions (CONFIG_IP_VS_MH_TAB_INDEX=12) from two hsiphash values of its address and port;
 * the table is populated round by round, each destination claiming
 * {@code (last_weight / gcd) >> rshift} positions per round. A flow hashes its client address
 * (plus client port with mh-port, IP_VS_SVC_F_SCHED2) into the table. With mh-fallback
 * (IP_VS_SVC_F_SCHED1) an unavailable destination makes the lookup rehash with growing offsets.
 */
final class MaglevHashing implements Scheduler {
    static final int TABLE_SIZE = 4093;
    private static final int TABLE_BITS = 6;
    private static final long HASH1_KEY = 2654435761L;
    private static final long HASH2_KEY = 2654446892L;

    private final boolean fallback;
    private final boolean usePort;
    private final RealServer[] lookup = new RealServer[TABLE_SIZE];

    MaglevHashing(boolean fallback, boolean usePort) {
        this.fallback = fallback;
        this.usePort = usePort;
    }

    @Override
    public String name() {
        return "mh";
    }

    @Override
    public void update(List<Candidate> destinations) {
        int gcd = 0;
        int max = 0;
        for (Candidate c : destinations) {
            int w = c.lastWeight();
            if (w > 0) {
                gcd = gcd > 0 ? WeightedRoundRobin.gcd(w, gcd) : w;
            }
            max = Math.max(max, w);
        }
        if (gcd < 1) {
            Arrays.fill(lookup, null);
            return;
        }
        int shift = Math.max(0, (32 - Integer.numberOfLeadingZeros(max / gcd)) - TABLE_BITS);
        int n = destinations.size();
        int[] skip = new int[n];
        int[] perm = new int[n];
        int[] turns = new int[n];
        for (int i = 0; i < n; i++) {
            Candidate c = destinations.get(i);
            int offset = Integer.remainderUnsigned(hashKey(c.server().address(), c.server().port(), HASH1_KEY, 0),
                    TABLE_SIZE);
            skip[i] = Integer.remainderUnsigned(hashKey(c.server().address(), c.server().port(), HASH2_KEY, 0),
                    TABLE_SIZE - 1) + 1;
            perm[i] = offset;
            int lw = c.lastWeight();
            int t = (lw / gcd) >> shift;
            turns[i] = t != 0 ? t : (lw != 0 ? 1 : 0);
        }
        populate(destinations, skip, perm, turns);
    }

    private void populate(List<Candidate> destinations, int[] skip, int[] perm, int[] turns) {
        boolean[] taken = new boolean[TABLE_SIZE];
        int filled = 0;
        int count = 0;
        int d = 0;
        while (true) {
            if (turns[d] < 1) {
                d = (d + 1) % destinations.size();
                continue;
            }
            int c = perm[d];
            while (taken[c]) {
                perm[d] += skip[d];
                if (perm[d] >= TABLE_SIZE) {
                    perm[d] -= TABLE_SIZE;
                }
                c = perm[d];
            }
            taken[c] = true;
            lookup[c] = destinations.get(d).server();
            if (++filled == TABLE_SIZE) {
                return;
            }
            if (++count >= turns[d]) {
                count = 0;
                d = (d + 1) % destinations.size();
            }
        }
    }

    @Override
    public Optional<RealServer> schedule(List<Candidate> destinations, Flow flow) {
        Map<RealServer, Candidate> byServer = new HashMap<>();
        destinations.forEach(c -> byServer.put(c.server(), c));
        int port = usePort ? flow.clientPort() : 0;
        int ihash = Integer.remainderUnsigned(hashKey(flow.clientAddress(), port, HASH1_KEY, 0), TABLE_SIZE);
        RealServer server = lookup[ihash];
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
            int hash = Integer.remainderUnsigned(hashKey(flow.clientAddress(), port, HASH1_KEY, roffset), TABLE_SIZE);
            RealServer s = lookup[hash];
            if (s == null) {
                break;
            }
            if (usable(byServer.get(s))) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    /** How many lookup positions point at a destination (for diagnostics and tests). */
    int positionsOf(RealServer server) {
        int n = 0;
        for (RealServer s : lookup) {
            if (server.equals(s)) {
                n++;
            }
        }
        return n;
    }

    private static int hashKey(InetAddress address, int port, long key, int offset) {
        int v = offset + port + AddressFold.fold(address);
        return HalfSipHash.hash(v, key, key);
    }

    private static boolean usable(Candidate c) {
        return c != null && c.available();
    }
}
