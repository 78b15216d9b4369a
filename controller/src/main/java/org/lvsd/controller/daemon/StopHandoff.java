package org.lvsd.controller.daemon;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;

/**
 * The first thing a stop signal does (RFC 5798 §6.4.3 Shutdown event): queue each instance's
 * stop on the loop that owns it, in configuration order, and return at once. Nothing here touches
 * a state machine: each stop runs on its own loop, where a MASTER sends its priority-0 advert and
 * then removes its VIPs, so the backups' Skew_Time starts as early as the process can make it.
 * The targets are built with the instances ({@link #set}), so a signal builds nothing (no lambda
 * to link, no class to load) on its way to the loops.
 */
final class StopHandoff {

    /** One instance's stop ({@code stop}, to run on {@code loop}, its owning thread). */
    record Target(Executor loop, Runnable stop) {
    }

    private volatile List<Target> targets = List.of();

    /** The instances a signal stops from now on (after a start or a reload). */
    void set(List<Target> next) {
        targets = List.copyOf(next);
    }

    /**
     * Queues every stop and returns without waiting for any. Never blocks and never throws: a
     * loop already shut down (a second signal, a close in progress) is skipped, its instance was
     * stopped by whoever shut it down.
     *
     * @return how many stops were queued
     */
    int handOff() {
        int queued = 0;
        for (Target t : targets) {
            try {
                t.loop().execute(t.stop());
                queued++;
            } catch (RejectedExecutionException e) {
                // The loop is closed: VrrpDaemon.close() stopped this instance before closing it.
            }
        }
        return queued;
    }
}
