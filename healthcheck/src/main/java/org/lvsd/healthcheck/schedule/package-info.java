/**
 * Driving the checkers over time: {@code delay_loop}, {@code retry} / {@code delay_before_retry}
 * and {@code warmup} (keepalived.conf(5), "virtual_server" and checker common options), through
 * an injected {@link org.lvsd.healthcheck.schedule.Scheduler} so that tests run on a
 * deterministic {@link org.lvsd.healthcheck.schedule.ManualScheduler}.
 *
 * <p>{@link org.lvsd.healthcheck.schedule.PoolMonitor} binds one virtual server's
 * {@link org.lvsd.healthcheck.decision.PoolDecision} to its checkers and reports transitions to
 * a {@link org.lvsd.healthcheck.schedule.HealthListener}.
 */
package org.lvsd.healthcheck.schedule;
