package org.lvsd.vrrp.script;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How one command run ended.
 *
 * @param argv     the command
 * @param outcome  exited, killed after the timeout, or could not start
 * @param exitCode the exit status when {@link Outcome#EXITED}, else -1
 * @param elapsed  from start to end (or to the kill)
 * @param detail   why it could not start, else ""
 */
public record ProcessResult(List<String> argv, Outcome outcome, int exitCode, Duration elapsed, String detail) {

    /** How a run ended. */
    public enum Outcome { EXITED, TIMED_OUT, NOT_STARTED }

    public ProcessResult {
        argv = List.copyOf(argv);
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(elapsed, "elapsed");
        Objects.requireNonNull(detail, "detail");
    }

    /** Exited with status 0. */
    public boolean success() {
        return outcome == Outcome.EXITED && exitCode == 0;
    }

    /** "exit 1", "timed out after 1000 ms", "not started: ...", for logs. */
    public String describe() {
        return switch (outcome) {
            case EXITED -> "exit " + exitCode;
            case TIMED_OUT -> "timed out after " + elapsed.toMillis() + " ms";
            case NOT_STARTED -> "not started: " + detail;
        };
    }
}
