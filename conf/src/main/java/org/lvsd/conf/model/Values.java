package org.lvsd.conf.model;

import java.math.BigDecimal;
import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Value parsers for statement words, in keepalived.conf(5)'s types: integers in a range,
 * {@code <TIMER>} (seconds with a fraction, microsecond resolution), {@code <BOOL>}
 * ({@code on|off|true|false|yes|no}), ports and IP literals. Each reports a malformed word
 * as an error naming the keyword and what was expected, and returns empty.
 */
final class Values {

    private static final Pattern INT = Pattern.compile("[-+]?\\d{1,10}");
    private static final Pattern TIMER = Pattern.compile("\\d{1,10}(\\.\\d*)?|\\.\\d+");
    private static final BigDecimal MICROS = BigDecimal.valueOf(1_000_000);

    private Values() {
    }

    /** Integer word {@code i}, within {@code min..max}. */
    static Optional<Integer> integer(Stmt s, int i, int min, int max, Diags d) {
        String w = s.arg(i);
        Optional<Long> v = parseLong(w);
        if (v.isEmpty()) {
            d.error(s.where(), s.keyword() + " expects an integer " + min + ".." + max + ", got '" + w + "'");
            return Optional.empty();
        }
        if (v.get() < min || v.get() > max) {
            d.error(s.where(), s.keyword() + " " + w + " out of range " + min + ".." + max);
            return Optional.empty();
        }
        return Optional.of(v.get().intValue());
    }

    static Optional<Long> parseLong(String w) {
        return INT.matcher(w).matches() ? Optional.of(Long.parseLong(w)) : Optional.empty();
    }

    /** Port word {@code i}: 0..65535. */
    static Optional<Integer> port(Stmt s, int i, Diags d) {
        String w = s.arg(i);
        Optional<Long> v = parseLong(w);
        if (v.isEmpty() || v.get() < 0 || v.get() > 65535) {
            d.error(s.where(), s.keyword() + " expects a port 0..65535, got '" + w + "'");
            return Optional.empty();
        }
        return Optional.of(v.get().intValue());
    }

    /** A {@code <TIMER>}: non-negative seconds, fraction allowed, kept to the microsecond. */
    static Optional<Duration> timer(Stmt s, int i, Diags d) {
        Optional<Duration> t = parseTimer(s.arg(i));
        if (t.isEmpty()) {
            d.error(s.where(), s.keyword() + " expects a time in seconds, got '" + s.arg(i) + "'");
        }
        return t;
    }

    static Optional<Duration> parseTimer(String w) {
        if (!TIMER.matcher(w).matches()) {
            return Optional.empty();
        }
        long micros = new BigDecimal(w).multiply(MICROS).setScale(0, java.math.RoundingMode.HALF_UP)
                .longValueExact();
        return Optional.of(Duration.ofNanos(micros * 1000));
    }

    /** A {@code <BOOL>} at word {@code i}; a keyword alone means true. */
    static Optional<Boolean> bool(Stmt s, int i, Diags d) {
        if (i >= s.size()) {
            return Optional.of(true);
        }
        switch (s.arg(i).toLowerCase(Locale.ROOT)) {
            case "on", "true", "yes" -> {
                return Optional.of(true);
            }
            case "off", "false", "no" -> {
                return Optional.of(false);
            }
            default -> {
                d.error(s.where(), s.keyword() + " expects on|off|true|false|yes|no, got '" + s.arg(i) + "'");
                return Optional.empty();
            }
        }
    }

    /** The flag value of a keyword that takes an optional {@code <BOOL>}. */
    static boolean flag(Stmt s, Diags d, boolean whenBad) {
        return bool(s, 0, d).orElse(whenBad);
    }

    /** An IP literal at word {@code i}. */
    static Optional<InetAddress> ip(Stmt s, int i, Diags d) {
        Optional<InetAddress> a = IpAddresses.parse(s.arg(i));
        if (a.isEmpty()) {
            d.error(s.where(), s.keyword() + " expects an IP address, got '" + s.arg(i) + "'");
        }
        return a;
    }
}
