package org.lvsd.healthcheck.decision;

import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.lvsd.healthcheck.spec.RealServerId;

/**
 * The desired destinations of one virtual server, for the controller's reconciler: absent
 * servers must not be in the table; present ones must have exactly {@code weight}.
 */
public record PoolMembership(String virtualServer, List<Member> members) {

    /** One desired destination. */
    public record Member(RealServerId server, int weight, boolean sorryServer) {
        public Member {
            Objects.requireNonNull(server, "server");
            if (weight < 0) {
                throw new IllegalArgumentException("weight must be >= 0");
            }
        }
    }

    public PoolMembership {
        Objects.requireNonNull(virtualServer, "virtualServer");
        members = List.copyOf(members);
    }

    /** The desired weight of {@code server}, empty when it must not be in the table. */
    public OptionalInt weightOf(RealServerId server) {
        for (Member m : members) {
            if (m.server().equals(server)) {
                return OptionalInt.of(m.weight());
            }
        }
        return OptionalInt.empty();
    }
}
