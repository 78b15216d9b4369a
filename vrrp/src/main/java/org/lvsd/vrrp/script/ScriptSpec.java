package org.lvsd.vrrp.script;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * One {@code vrrp_script} (keepalived reference §1.4): what to run and how often. Weight, rise,
 * fall and init_fail belong to the tracker ({@code TrackerSpec}, {@code ScriptResultFilter}).
 *
 * @param name     the {@code vrrp_script} block name
 * @param argv     {@code script}, split into words; run without a shell
 * @param interval time between two starts (default 1 s)
 * @param timeout  longest run before the script is killed and counted as failed (default = interval)
 */
public record ScriptSpec(String name, List<String> argv, Duration interval, Duration timeout) {

    public ScriptSpec {
        Objects.requireNonNull(name, "name");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("vrrp_script " + name + ": empty script");
        }
        if (interval.isNegative() || interval.isZero() || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("vrrp_script " + name + ": interval and timeout must be positive");
        }
    }

    /** keepalived's defaults: timeout = interval. */
    public static ScriptSpec of(String name, List<String> argv, Duration interval) {
        return new ScriptSpec(name, argv, interval, interval);
    }
}
