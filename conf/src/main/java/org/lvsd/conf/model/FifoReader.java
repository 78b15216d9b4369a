package org.lvsd.conf.model;

import java.util.Optional;

/** Reads one notify FIFO: {@code X_fifo PATH [user [group]]} and {@code X_fifo_script CMD}. */
final class FifoReader {

    private Optional<String> path = Optional.empty();
    private Optional<String> user = Optional.empty();
    private Optional<String> group = Optional.empty();
    private Optional<Command> script = Optional.empty();
    private Optional<Where> scriptWhere = Optional.empty();

    void path(Stmt s) {
        path = Optional.of(s.arg(0));
        user = s.size() > 1 ? Optional.of(s.arg(1)) : Optional.empty();
        group = s.size() > 2 ? Optional.of(s.arg(2)) : Optional.empty();
    }

    void script(Stmt s, Diags d) {
        script = Scripts.withUser(s, d);
        scriptWhere = Optional.of(s.where());
    }

    /** The FIFO, or empty when no path was given. */
    Optional<Fifo> result() {
        return path.map(p -> new Fifo(p, user, group, script));
    }

    /** Where a script was given without its FIFO, which keepalived ignores. */
    Optional<Where> orphanScript() {
        return path.isEmpty() ? scriptWhere : Optional.empty();
    }
}
