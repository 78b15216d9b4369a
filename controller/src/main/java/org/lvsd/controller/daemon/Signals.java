package org.lvsd.controller.daemon;

import sun.misc.Signal;

/**
 * keepalived's signals (reference §4.2) through {@code sun.misc.Signal}: SIGTERM and SIGINT stop
 * the daemon, SIGHUP reloads, SIGUSR1 dumps the state, SIGUSR2 the statistics. Each handler runs
 * on a thread of its own (the JVM's Signal Dispatcher starts one per signal), so a slow reload
 * never delays a stop; {@code stop} runs there directly, so it must not block ({@link StopSignal}).
 */
final class Signals {

    private Signals() {
    }

    static void install(Runnable stop, Runnable reload, Runnable dumpState, Runnable dumpStats) {
        Signal.handle(new Signal("TERM"), s -> stop.run());
        Signal.handle(new Signal("INT"), s -> stop.run());
        Signal.handle(new Signal("HUP"), s -> reload.run());
        Signal.handle(new Signal("USR1"), s -> dumpState.run());
        Signal.handle(new Signal("USR2"), s -> dumpStats.run());
    }
}
