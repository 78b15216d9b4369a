package org.lvsd.controller.daemon;

import sun.misc.Signal;

/**
 * keepalived's signals (reference §4.2) through {@code sun.misc.Signal}: SIGTERM and SIGINT stop
 * the daemon, SIGHUP asks for a reload.
 */
final class Signals {

    private Signals() {
    }

    static void install(Runnable stop, Runnable reload) {
        Signal.handle(new Signal("TERM"), s -> stop.run());
        Signal.handle(new Signal("INT"), s -> stop.run());
        Signal.handle(new Signal("HUP"), s -> reload.run());
    }
}
