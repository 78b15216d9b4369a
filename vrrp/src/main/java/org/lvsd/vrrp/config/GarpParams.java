package org.lvsd.vrrp.config;

import java.time.Duration;

/**
 * Gratuitous ARP / unsolicited NA schedule (RFC 5798 §6.4.1 (ii), RFC 9568 §6.4.3;
 * keepalived {@code garp_*} keywords, reference §2.10).
 *
 * @param masterDelay         delay of the second burst after becoming MASTER (5 s); zero = none
 * @param masterRepeat        announcements per VIP in each burst (5)
 * @param masterRefresh       period of refresh announcements while MASTER; zero = off
 * @param masterRefreshRepeat announcements per VIP per refresh (1)
 * @param lowerPrioDelay      delay of the second burst after a lower-priority advert (5 s)
 * @param lowerPrioRepeat     announcements per VIP per lower-priority burst (5); 0 = none
 */
public record GarpParams(Duration masterDelay, int masterRepeat, Duration masterRefresh,
                         int masterRefreshRepeat, Duration lowerPrioDelay, int lowerPrioRepeat) {

    /** keepalived's defaults. */
    public static final GarpParams DEFAULTS = new GarpParams(Duration.ofSeconds(5), 5, Duration.ZERO, 1,
            Duration.ofSeconds(5), 5);

    public GarpParams {
        for (Duration d : new Duration[] {masterDelay, masterRefresh, lowerPrioDelay}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("negative GARP delay " + d);
            }
        }
        if (masterRepeat < 0 || masterRefreshRepeat < 0 || lowerPrioRepeat < 0) {
            throw new IllegalArgumentException("negative GARP repeat count");
        }
    }
}
