package org.lvsd.controller.mapping;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.lvsd.conf.Diagnostic;
import org.lvsd.conf.model.Where;

/**
 * Collects the diagnostics of one mapping run, each tied to the config line it concerns; a message
 * repeated for the same line (one per service of a group) is kept once.
 */
final class Problems {

    private final Set<Diagnostic> list = new LinkedHashSet<>();

    void error(Where where, String message) {
        list.add(Diagnostic.error(where.file(), where.line(), message));
    }

    void warning(Where where, String message) {
        list.add(Diagnostic.warning(where.file(), where.line(), message));
    }

    List<Diagnostic> all() {
        return List.copyOf(list);
    }
}
