package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.List;
import org.lvsd.conf.Diagnostic;

/** Collects the diagnostics of one build, in the order they were found. */
final class Diags {

    private final List<Diagnostic> list = new ArrayList<>();

    void error(Where w, String message) {
        list.add(Diagnostic.error(w.file(), w.line(), message));
    }

    void warning(Where w, String message) {
        list.add(Diagnostic.warning(w.file(), w.line(), message));
    }

    /** A keyword the registry calls supported reached a reader without a case for it: a bug. */
    void unhandled(Block block, Stmt s) {
        error(s.where(), "internal: no reader for " + block.spelling() + " keyword '" + s.keyword() + "'");
    }

    boolean hasErrors() {
        return list.stream().anyMatch(Diagnostic::isError);
    }

    List<Diagnostic> list() {
        return List.copyOf(list);
    }
}
