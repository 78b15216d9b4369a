/**
 * Pure health decisions, driven by check results and an injected instant; no I/O, no threads.
 *
 * <p>Rules, after keepalived.conf(5) and keepalived's checker behaviour:
 * <ul>
 *   <li>A checker goes down after {@code retry + 1} consecutive failures and comes up after one
 *       success; a non-alpha checker starts up and its very first result, if a failure, takes it
 *       down at once; an {@code alpha} checker starts down. The lvsd extensions {@code rise} and
 *       {@code fall} replace those counts ({@link org.lvsd.healthcheck.decision.Hysteresis}).</li>
 *   <li>A real server is up only when all its checkers are up.</li>
 *   <li>Dynamic weights: MISC_CHECK {@code misc_dynamic} sets the weight to exit-2 (as the
 *       man page describes for a single dynamic checker; with several, the last checker in
 *       block order wins), FILE_CHECK {@code dynamic} adds to it; never below 0.</li>
 *   <li>lvsd {@code slow_start}: after a down→up transition the weight ramps linearly from 1 to
 *       the effective weight ({@link org.lvsd.healthcheck.decision.SlowStart}); the quorum
 *       counts the full effective weight so that a ramp never flaps the quorum.</li>
 *   <li>Pool: quorum lost when the alive weight sum &lt; quorum − hysteresis, regained when
 *       ≥ quorum + hysteresis; the sorry server replaces the real servers while the quorum is
 *       lost; {@code inhibit_on_failure} keeps a failed server at weight 0.</li>
 * </ul>
 * Events ({@link org.lvsd.healthcheck.decision.HealthEvent}) are produced only on transitions;
 * the desired pool is always available as a {@link org.lvsd.healthcheck.decision.PoolMembership}.
 */
package org.lvsd.healthcheck.decision;
