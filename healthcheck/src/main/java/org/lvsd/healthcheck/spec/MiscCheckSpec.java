package org.lvsd.healthcheck.spec;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * MISC_CHECK. Unlike keepalived, {@code misc_path} is run as an argument vector without a
 * shell (the controller splits the configured string).
 *
 * @param argv        program and arguments
 * @param miscTimeout {@code misc_timeout} (keepalived default: delay_loop); the process tree is
 *                    killed when it expires
 * @param dynamic     {@code misc_dynamic}: exit 0 up, 1 down, 2..255 up with weight exit-2
 */
public record MiscCheckSpec(CheckTiming timing, List<String> argv, Duration miscTimeout,
                            boolean dynamic) implements CheckerSpec {

    public MiscCheckSpec {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(miscTimeout, "miscTimeout");
        argv = List.copyOf(argv);
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("misc_path is empty");
        }
        if (miscTimeout.isZero() || miscTimeout.isNegative()) {
            throw new IllegalArgumentException("misc_timeout must be > 0");
        }
    }

    @Override
    public String kind() {
        return "MISC_CHECK";
    }
}
