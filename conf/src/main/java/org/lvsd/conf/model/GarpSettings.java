package org.lvsd.conf.model;

import java.time.Duration;

/**
 * Gratuitous ARP / unsolicited NA timing (keepalived.conf(5) {@code vrrp_garp_*} globally,
 * {@code garp_*} per instance).
 *
 * @param masterDelay delay before the second burst after becoming MASTER (default 5 s, 0 none)
 * @param masterRepeat messages per address per burst (default 5)
 * @param lowerPrioDelay delay used when a MASTER hears a lower priority (default masterDelay)
 * @param lowerPrioRepeat burst size then (default masterRepeat)
 * @param masterRefresh period of repeated bursts while MASTER (0 = off)
 * @param masterRefreshRepeat burst size of a refresh (default 1)
 */
public record GarpSettings(Duration masterDelay, int masterRepeat, Duration lowerPrioDelay, int lowerPrioRepeat,
        Duration masterRefresh, int masterRefreshRepeat) {

    public static final GarpSettings DEFAULTS =
            new GarpSettings(Duration.ofSeconds(5), 5, Duration.ofSeconds(5), 5, Duration.ZERO, 1);
}
