package org.lvsd.healthcheck.spec;

import java.util.Objects;

/**
 * {@code sorry_server IP PORT} with {@code sorry_server_inhibit}: when inhibited, the sorry
 * server stays in the pool at weight 0 while the quorum holds instead of being removed
 * (the {@code inhibit_on_failure} behaviour applied to the sorry server). Its weight when in
 * use is 1, as keepalived adds it.
 */
public record SorryServerSpec(RealServerId id, boolean inhibit) {

    public SorryServerSpec {
        Objects.requireNonNull(id, "id");
    }
}
