package org.lvsd.healthcheck.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code virtual_server}'s pool policy and real servers (keepalived.conf(5); quorum rules as
 * in keepalived's {@code update_quorum_state}).
 *
 * @param id          the controller's name for the virtual server, for example
 *                    {@code "10.0.0.1:80/tcp"} or {@code "fwmark 1"}
 * @param quorum      {@code quorum}: minimum sum of alive weights (default 1)
 * @param hysteresis  {@code hysteresis} (default 0)
 * @param quorumUp    {@code quorum_up} command, passed through on events
 * @param quorumDown  {@code quorum_down} command, passed through on events
 * @param sorryServer {@code sorry_server}
 * @param omega       {@code omega}: on shutdown, emit notify_down and quorum_down events
 */
public record VirtualServerSpec(String id, List<RealServerSpec> realServers, int quorum,
                                int hysteresis, Optional<String> quorumUp,
                                Optional<String> quorumDown, Optional<SorryServerSpec> sorryServer,
                                boolean omega) {

    public VirtualServerSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(quorumUp, "quorumUp");
        Objects.requireNonNull(quorumDown, "quorumDown");
        Objects.requireNonNull(sorryServer, "sorryServer");
        realServers = List.copyOf(realServers);
        if (quorum < 0 || hysteresis < 0) {
            throw new IllegalArgumentException("quorum and hysteresis must be >= 0");
        }
        Set<RealServerId> seen = new HashSet<>();
        for (RealServerSpec rs : realServers) {
            if (!seen.add(rs.id())) {
                throw new IllegalArgumentException("duplicate real server " + rs.id());
            }
        }
    }

    /** keepalived defaults: quorum 1, hysteresis 0, no scripts, no sorry server, no omega. */
    public static VirtualServerSpec of(String id, List<RealServerSpec> realServers) {
        return new VirtualServerSpec(id, realServers, 1, 0, Optional.empty(), Optional.empty(),
                Optional.empty(), false);
    }
}
