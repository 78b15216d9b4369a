package org.lvsd.controller.systemd;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells systemd about the daemon's life (sd_notify(3)). Use: {@link #ready()} once serving;
 * on SIGHUP {@link #reloading()}, reload, then {@link #ready()} again (systemd.service(5)
 * {@code Type=notify-reload}); {@link #stopping()} when shutting down; {@link #status} for the
 * one-line status {@code systemctl status} shows; {@link #startWatchdog()} when the unit has
 * {@code WatchdogSec=}. Without {@code $NOTIFY_SOCKET} every call does nothing. A failed send is
 * logged, never thrown: systemd's absence must not stop the daemon. Thread-safe.
 */
public final class SdNotify {

    private static final Logger LOG = LoggerFactory.getLogger(SdNotify.class);

    private final Optional<NotifySocket> socket;
    private final Optional<Duration> watchdogInterval;

    private SdNotify(Optional<NotifySocket> socket, Optional<Duration> watchdogInterval) {
        this.socket = socket;
        this.watchdogInterval = watchdogInterval;
    }

    /** From this process's environment. */
    public static SdNotify fromEnvironment() {
        return fromEnvironment(System.getenv(), ProcessHandle.current().pid());
    }

    /** From {@code env}, for the process {@code pid}. */
    static SdNotify fromEnvironment(Map<String, String> env, long pid) {
        String value = env.get("NOTIFY_SOCKET");
        if (value == null || value.isEmpty()) {
            return new SdNotify(Optional.empty(), Optional.empty());
        }
        Optional<NotifySocket> socket = NotifySocket.parse(value);
        if (socket.isEmpty()) {
            LOG.warn("systemd: NOTIFY_SOCKET={} is not an absolute path or @name of at most {} bytes; not notifying",
                    value, NotifySocket.SUN_PATH_MAX - 1);
        }
        return new SdNotify(socket, socket.isEmpty() ? Optional.empty() : watchdog(env, pid));
    }

    /** Half of {@code WATCHDOG_USEC} (sd_watchdog_enabled(3) advice), when it is set and meant for {@code pid}. */
    private static Optional<Duration> watchdog(Map<String, String> env, long pid) {
        String usec = env.get("WATCHDOG_USEC");
        if (usec == null) {
            return Optional.empty();
        }
        String forPid = env.get("WATCHDOG_PID");
        try {
            if (forPid != null && Long.parseLong(forPid) != pid) {
                return Optional.empty();
            }
            long micros = Long.parseLong(usec);
            if (micros <= 0) {
                throw new NumberFormatException("not positive");
            }
            return Optional.of(Duration.ofNanos(micros * 1_000L / 2));
        } catch (NumberFormatException e) {
            LOG.warn("systemd: WATCHDOG_USEC={} WATCHDOG_PID={} unusable ({}); no watchdog pings", usec, forPid,
                    e.getMessage());
            return Optional.empty();
        }
    }

    /** Whether {@code $NOTIFY_SOCKET} names a usable socket. */
    public boolean enabled() {
        return socket.isPresent();
    }

    /** How often {@link #startWatchdog()} pings, when the watchdog is enabled for this process. */
    public Optional<Duration> watchdogInterval() {
        return watchdogInterval;
    }

    /** {@code READY=1}: startup or a reload finished. */
    public void ready() {
        send("READY=1");
    }

    /** {@code RELOADING=1} with the {@code CLOCK_MONOTONIC} time systemd 253+ expects. */
    public void reloading() {
        if (enabled()) {
            send("RELOADING=1\nMONOTONIC_USEC=" + NotifySocket.monotonicMicros());
        }
    }

    /** {@code STOPPING=1}. */
    public void stopping() {
        send("STOPPING=1");
    }

    /** {@code STATUS=text}, line breaks turned into blanks. */
    public void status(String text) {
        send("STATUS=" + text.replace('\n', ' '));
    }

    /** {@code WATCHDOG=1}. */
    public void watchdog() {
        send("WATCHDOG=1");
    }

    /** Starts pinging at {@link #watchdogInterval()}; empty when the watchdog is not enabled for us. */
    public Optional<WatchdogPinger> startWatchdog() {
        return watchdogInterval.map(interval -> WatchdogPinger.start(this, interval));
    }

    private void send(String message) {
        if (socket.isEmpty()) {
            return;
        }
        try {
            socket.get().send(message);
        } catch (IOException e) {
            LOG.warn("systemd: {}", e.getMessage());
        }
    }
}
