package org.lvsd.ipvs.userspace.dr;

import java.net.InetAddress;
import java.net.InterfaceAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * The interface direct routing uses when none is configured: the first interface (by index) that
 * is up, not loopback, and has an address whose prefix holds the real server. Direct routing only
 * works toward servers on the director's own link (the frame keeps its IP header and is addressed
 * to the server's MAC), so a directly connected prefix is what the kernel's route lookup would
 * give for such a server; a server reachable only through a gateway gets no interface.
 */
public final class RouteInterface {

    /** One address of an interface as seen by the chooser. */
    record Candidate(String name, int index, boolean usable, InetAddress address, int prefixLength) {
    }

    private RouteInterface() {
    }

    /** The interface toward {@code server} in this network namespace, if it is directly connected. */
    public static Optional<String> toward(InetAddress server) {
        List<Candidate> candidates = new ArrayList<>();
        try {
            for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                boolean usable = nif.isUp() && !nif.isLoopback();
                for (InterfaceAddress a : nif.getInterfaceAddresses()) {
                    candidates.add(new Candidate(nif.getName(), nif.getIndex(), usable, a.getAddress(),
                            a.getNetworkPrefixLength()));
                }
            }
        } catch (SocketException e) {
            return Optional.empty();
        }
        return choose(candidates, server);
    }

    /** The usable candidate with the lowest index whose prefix holds {@code server}. */
    static Optional<String> choose(List<Candidate> candidates, InetAddress server) {
        return candidates.stream()
                .filter(c -> c.usable() && Prefixes.contains(c.address(), c.prefixLength(), server))
                .min((a, b) -> Integer.compare(a.index(), b.index()))
                .map(Candidate::name);
    }
}
