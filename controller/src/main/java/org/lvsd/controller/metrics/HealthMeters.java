package org.lvsd.controller.metrics;

import static org.lvsd.controller.metrics.MeterFamily.Kind.COUNTER;
import static org.lvsd.controller.metrics.MeterFamily.Kind.GAUGE;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The health families: pools labelled {@code virtual_server, protocol}, real servers add
 * {@code real_server}, checkers add {@code check} (HAProxy's check semantics, reference §B.3).
 */
final class HealthMeters {

    private final MeterFamily up;
    private final MeterFamily weight;
    private final MeterFamily configuredWeight;
    private final MeterFamily upDown;
    private final MeterFamily lastChange;
    private final MeterFamily duration;
    private final MeterFamily failures;
    private final MeterFamily alive;
    private final MeterFamily quorum;

    HealthMeters(MeterRegistry registry) {
        up = new MeterFamily(registry, "lvsd.real.server.up", "1 when the real server is in service", GAUGE);
        weight = new MeterFamily(registry, "lvsd.real.server.weight", "Effective weight programmed into IPVS",
                GAUGE);
        configuredWeight = new MeterFamily(registry, "lvsd.real.server.configured.weight",
                "Weight of the configuration", GAUGE);
        upDown = new MeterFamily(registry, "lvsd.real.server.up.down", "Transitions from up to down", COUNTER);
        lastChange = new MeterFamily(registry, "lvsd.real.server.last.change.timestamp.seconds",
                "Unix time the real server last went up or down", GAUGE);
        duration = new MeterFamily(registry, "lvsd.healthcheck.duration.seconds", "Duration of the last probe",
                GAUGE);
        failures = new MeterFamily(registry, "lvsd.healthcheck.failures", "Failed probes, by reason", COUNTER);
        alive = new MeterFamily(registry, "lvsd.virtual.server.alive.real.servers", "Real servers in service",
                GAUGE);
        quorum = new MeterFamily(registry, "lvsd.virtual.server.quorum.up", "1 when the quorum is met", GAUGE);
    }

    void update(List<PoolSnapshot> pools) {
        Map<Tags, Double> upV = new HashMap<>();
        Map<Tags, Double> weightV = new HashMap<>();
        Map<Tags, Double> configuredV = new HashMap<>();
        Map<Tags, Double> upDownV = new HashMap<>();
        Map<Tags, Double> changeV = new HashMap<>();
        Map<Tags, Double> durationV = new HashMap<>();
        Map<Tags, Double> failuresV = new HashMap<>();
        Map<Tags, Double> aliveV = new HashMap<>();
        Map<Tags, Double> quorumV = new HashMap<>();
        for (PoolSnapshot pool : pools) {
            Tags vs = Tags.of("virtual_server", pool.virtualServer(), "protocol", pool.protocol());
            aliveV.put(vs, (double) pool.aliveRealServers());
            quorumV.put(vs, pool.quorumUp() ? 1.0 : 0.0);
            for (RealServerSnapshot rs : pool.realServers()) {
                Tags t = vs.and("real_server", rs.server().toString());
                upV.put(t, rs.up() ? 1.0 : 0.0);
                weightV.put(t, (double) rs.weight());
                configuredV.put(t, (double) rs.configuredWeight());
                upDownV.put(t, (double) rs.upDownTransitions());
                rs.lastChange().ifPresent(i -> changeV.put(t, i.toEpochMilli() / 1000.0));
                for (CheckSnapshot c : rs.checks()) {
                    Tags ct = t.and("check", c.check());
                    c.lastDuration().ifPresent(d -> durationV.put(ct, d.toNanos() / 1e9));
                    c.failuresByReason().forEach((reason, n) -> failuresV.put(ct.and("reason", reason),
                            n.doubleValue()));
                }
            }
        }
        up.update(upV);
        weight.update(weightV);
        configuredWeight.update(configuredV);
        upDown.update(upDownV);
        lastChange.update(changeV);
        duration.update(durationV);
        failures.update(failuresV);
        alive.update(aliveV);
        quorum.update(quorumV);
    }
}
