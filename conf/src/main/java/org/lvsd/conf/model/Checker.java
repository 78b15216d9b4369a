package org.lvsd.conf.model;

/**
 * One checker block of a real server, with inheritance resolved.
 *
 * @param type the block keyword
 * @param target where it connects
 * @param timing its schedule
 * @param logAllFailures {@code log_all_failures} (default the global checker_log_all_failures)
 * @param spec type-specific settings
 * @param where origin
 */
public record Checker(CheckerType type, CheckTarget target, CheckTiming timing, boolean logAllFailures,
        CheckSpec spec, Where where) {
}
