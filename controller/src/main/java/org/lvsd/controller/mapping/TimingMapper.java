package org.lvsd.controller.mapping;

import org.lvsd.healthcheck.spec.CheckTiming;

/**
 * A checker's resolved schedule in the healthcheck module's terms. The model has applied
 * keepalived's per-type defaults already (keepalived.conf(5): delay_loop 60 s, connect_timeout 5 s,
 * retry 1, DNS 3, MISC 0, ...); only the "not given" markers are translated here: no
 * {@code warmup} means delay_loop, no lvsd {@code rise} / {@code fall} means keepalived's rules (0).
 */
final class TimingMapper {

    private TimingMapper() {
    }

    /** @throws IllegalArgumentException when a value is out of the healthcheck module's range */
    static CheckTiming map(org.lvsd.conf.model.CheckTiming t) {
        return new CheckTiming(t.delayLoop(), t.connectTimeout(), t.retry(), t.delayBeforeRetry(),
                t.warmup().orElse(t.delayLoop()), t.alpha(), t.rise().orElse(0), t.fall().orElse(0));
    }
}
