package org.lvsd.controller.metrics;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;

/**
 * One metric name whose series come from snapshots: {@link #update} sets the value of every
 * series, registers the new ones and removes those absent from the snapshot. All series of a
 * family carry the same label names. Used under the lock of {@link LvsdMetrics#scrape()}.
 */
final class MeterFamily {

    /** How the family is exposed. */
    enum Kind { GAUGE, COUNTER }

    private final MeterRegistry registry;
    private final String name;
    private final String help;
    private final Kind kind;
    private final Map<Tags, Meter> meters = new HashMap<>();
    private volatile Map<Tags, Double> values = Map.of();

    MeterFamily(MeterRegistry registry, String name, String help, Kind kind) {
        this.registry = Objects.requireNonNull(registry, "registry");
        this.name = Objects.requireNonNull(name, "name");
        this.help = Objects.requireNonNull(help, "help");
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    /** Makes the family's series exactly {@code next}. */
    void update(Map<Tags, Double> next) {
        values = Map.copyOf(next);
        for (Iterator<Map.Entry<Tags, Meter>> it = meters.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Tags, Meter> e = it.next();
            if (!next.containsKey(e.getKey())) {
                registry.remove(e.getValue());
                it.remove();
            }
        }
        for (Tags tags : next.keySet()) {
            meters.computeIfAbsent(tags, this::register);
        }
    }

    private Meter register(Tags tags) {
        if (kind == Kind.GAUGE) {
            return Gauge.builder(name, this, f -> f.value(tags)).description(help).tags(tags)
                    .strongReference(true).register(registry);
        }
        return FunctionCounter.builder(name, this, f -> f.value(tags)).description(help).tags(tags)
                .register(registry);
    }

    private double value(Tags tags) {
        return values.getOrDefault(tags, Double.NaN);
    }
}
