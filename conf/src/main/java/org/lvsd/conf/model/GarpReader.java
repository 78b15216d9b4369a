package org.lvsd.conf.model;

import java.time.Duration;
import java.util.Optional;

/**
 * Reads the six GARP timing keywords, {@code vrrp_garp_*} in {@code global_defs} and
 * {@code garp_*} in {@code vrrp_instance}; unset values fall back to the enclosing level.
 */
final class GarpReader {

    private Optional<Duration> masterDelay = Optional.empty();
    private Optional<Integer> masterRepeat = Optional.empty();
    private Optional<Duration> lowerPrioDelay = Optional.empty();
    private Optional<Integer> lowerPrioRepeat = Optional.empty();
    private Optional<Duration> refresh = Optional.empty();
    private Optional<Integer> refreshRepeat = Optional.empty();

    /** Consumes the statement if it is {@code prefix + master_delay} etc. */
    boolean accept(Stmt s, String prefix, Diags d) {
        if (!s.keyword().startsWith(prefix)) {
            return false;
        }
        switch (s.keyword().substring(prefix.length())) {
            case "master_delay" -> masterDelay = Values.timer(s, 0, d).or(() -> masterDelay);
            case "master_repeat" -> masterRepeat = Values.integer(s, 0, 1, 255, d).or(() -> masterRepeat);
            case "lower_prio_delay" -> lowerPrioDelay = Values.timer(s, 0, d).or(() -> lowerPrioDelay);
            case "lower_prio_repeat" -> lowerPrioRepeat = Values.integer(s, 0, 1, 255, d).or(() -> lowerPrioRepeat);
            case "master_refresh" -> refresh = Values.timer(s, 0, d).or(() -> refresh);
            case "master_refresh_repeat" -> refreshRepeat = Values.integer(s, 0, 1, 255, d).or(() -> refreshRepeat);
            default -> {
                return false;
            }
        }
        return true;
    }

    /** These settings over {@code parent}; lower-priority values default to the master ones. */
    GarpSettings resolve(GarpSettings parent) {
        Duration md = masterDelay.orElse(parent.masterDelay());
        int mr = masterRepeat.orElse(parent.masterRepeat());
        return new GarpSettings(md, mr,
                lowerPrioDelay.orElse(masterDelay.orElse(parent.lowerPrioDelay())),
                lowerPrioRepeat.orElse(masterRepeat.orElse(parent.lowerPrioRepeat())),
                refresh.orElse(parent.masterRefresh()), refreshRepeat.orElse(parent.masterRefreshRepeat()));
    }
}
