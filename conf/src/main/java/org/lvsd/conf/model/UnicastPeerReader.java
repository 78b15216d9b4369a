package org.lvsd.conf.model;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code unicast_peer { IP [min_ttl N] [max_ttl N] ... }}; several peers may share a line. */
final class UnicastPeerReader {

    private UnicastPeerReader() {
    }

    static List<UnicastPeer> read(Stmt block, Diags d) {
        List<UnicastPeer> out = new ArrayList<>();
        for (EntryLine line : EntryLine.of(block)) {
            List<String> w = line.words();
            int i = 0;
            while (i < w.size()) {
                Optional<InetAddress> a = IpAddresses.parse(w.get(i));
                if (a.isEmpty()) {
                    d.error(line.where(), "unicast_peer expects an IP address, got '" + w.get(i) + "'");
                    break;
                }
                i++;
                Optional<Integer> min = Optional.empty();
                Optional<Integer> max = Optional.empty();
                while (i < w.size() && (w.get(i).equals("min_ttl") || w.get(i).equals("max_ttl"))) {
                    String k = w.get(i);
                    if (i + 1 >= w.size()) {
                        d.error(line.where(), "unicast_peer: missing value after '" + k + "'");
                        i++;
                        break;
                    }
                    Optional<Integer> v = Values.integer(line.stmt(k, i + 1, i + 2), 0, 0, 255, d);
                    if (k.equals("min_ttl")) {
                        min = v;
                    } else {
                        max = v;
                    }
                    i += 2;
                }
                out.add(new UnicastPeer(a.get(), min, max, line.where()));
            }
        }
        return out;
    }
}
