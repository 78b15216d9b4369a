package org.lvsd.ipvs.userspace;

import java.time.Duration;

/**
 * One event loop of the forwarder.
 *
 * @param cpu the CPU time the loop's thread has used, as of its latest wait for events (its growth
 *            over wall-clock time is how busy the loop is)
 * @param connections the TCP connections the loop serves now
 */
public record LoopCounters(Duration cpu, int connections) {
}
