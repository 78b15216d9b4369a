package org.lvsd.controller.lvs;

import org.lvsd.conf.model.FlushOnStop;

/**
 * What happens to the IPVS table when lvsd stops (keepalived.md §3.10: the checker removes
 * its entries unless started with {@code -I}; {@code lvs_flush_on_stop} widens that).
 */
public enum StopPolicy {
    /** Remove the services lvsd programmed, leave everyone else's (keepalived's default). */
    REMOVE_OWN,
    /** Flush the whole table ({@code lvs_flush_on_stop}). */
    FLUSH_ALL,
    /** Leave the table as it is ({@code lvsd -I}, keepalived's {@code --dont-release-ipvs}). */
    LEAVE;

    /** The policy for a configuration's {@code lvs_flush_on_stop} and the {@code -I} flag. */
    public static StopPolicy of(FlushOnStop flush, boolean dontRelease) {
        if (dontRelease) {
            return LEAVE;
        }
        return flush == FlushOnStop.ALL ? FLUSH_ALL : REMOVE_OWN;
    }
}
