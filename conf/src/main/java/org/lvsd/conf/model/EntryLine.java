package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * One line of a list block ({@code virtual_ipaddress}, {@code track_interface},
 * {@code unicast_peer}, ...), whose lines are entries rather than keywords, read word by word.
 *
 * @param words every word of the line, the first included
 * @param where origin
 */
record EntryLine(List<String> words, Where where) {

    EntryLine {
        words = List.copyOf(words);
    }

    /** The lines of the statement's block. */
    static List<EntryLine> of(Stmt block) {
        List<EntryLine> out = new ArrayList<>();
        for (ImmutableNode n : block.children()) {
            Stmt s = Stmt.of(n);
            List<String> w = new ArrayList<>();
            w.add(s.keyword());
            w.addAll(s.args());
            out.add(new EntryLine(w, s.where()));
        }
        return out;
    }

    /** A statement view of words {@code from..to}, for the value parsers. */
    Stmt stmt(String keyword, int from, int to) {
        return new Stmt(keyword, words.subList(from, to), where, List.of(), false);
    }
}
