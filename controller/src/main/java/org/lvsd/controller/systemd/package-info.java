/**
 * systemd service notification, sd_notify(3) without libsystemd: datagrams of newline-separated
 * {@code VARIABLE=value} assignments sent to the unix(7) {@code SOCK_DGRAM} socket named by
 * {@code $NOTIFY_SOCKET} (a path, or {@code @name} for the abstract namespace). {@code READY=1},
 * {@code RELOADING=1} with {@code MONOTONIC_USEC=} (systemd.service(5) {@code Type=notify-reload},
 * systemd 253+), {@code STOPPING=1}, {@code STATUS=} and {@code WATCHDOG=1} every half of
 * {@code $WATCHDOG_USEC} when {@code $WATCHDOG_PID} is unset or ours (sd_watchdog_enabled(3)).
 * Without {@code $NOTIFY_SOCKET} everything is a no-op. The JDK has no unix datagram sockets, so
 * the few libc calls go through JNA.
 */
package org.lvsd.controller.systemd;
