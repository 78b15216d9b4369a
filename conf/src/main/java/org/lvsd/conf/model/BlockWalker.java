package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * Walks the statements of one block: splits surplus words into further statements, warns
 * about unknown keywords and keywords lvsd does not act on, checks the word count, and hands
 * every supported statement to the block's reader.
 */
final class BlockWalker {

    private BlockWalker() {
    }

    static void walk(Block block, List<ImmutableNode> nodes, Diags d, Consumer<Stmt> handler) {
        for (ImmutableNode n : nodes) {
            walk(block, Stmt.of(n), d, handler);
        }
    }

    static void walk(Block block, Stmt s, Diags d, Consumer<Stmt> handler) {
        Optional<Keyword> first = Keywords.lookup(block, s.keyword());
        if (first.isEmpty()) {
            d.warning(s.where(), "unknown keyword '" + s.keyword() + "' ignored");
            return;
        }
        for (Stmt part : split(block, s, first.get())) {
            Keyword k = Keywords.lookup(block, part.keyword()).orElseThrow();
            switch (k.status()) {
                case ACCEPTED_NO_EFFECT -> d.warning(part.where(), "'" + k.name()
                        + "' accepted but has no effect in lvsd");
                case UNSUPPORTED -> d.warning(part.where(), "'" + k.name()
                        + "' is not supported by lvsd and is ignored");
                case SUPPORTED -> checked(k, part, d).ifPresent(handler);
            }
        }
    }

    private static Optional<Stmt> checked(Keyword k, Stmt s, Diags d) {
        if (s.size() < k.minArgs()) {
            d.error(s.where(), "missing required argument for '" + k.name() + "'");
            return Optional.empty();
        }
        if (s.size() > k.maxArgs()) {
            d.warning(s.where(), "extra words after '" + k.name() + "' ignored: '"
                    + String.join(" ", s.args().subList(k.maxArgs(), s.size())) + "'");
            return Optional.of(new Stmt(s.keyword(), s.args().subList(0, k.maxArgs()), s.where(),
                    s.children(), s.block()));
        }
        return Optional.of(s);
    }

    /**
     * keepalived ends a statement where a keyword of the block follows the words the keyword
     * takes: {@code path / status_code 200} is two statements. Between the keyword's minimum
     * and maximum word counts, the first word that is a keyword of the block starts the next
     * statement. A block belongs to the last piece.
     */
    static List<Stmt> split(Block block, Stmt s, Keyword k) {
        List<Stmt> out = new ArrayList<>();
        String kw = s.keyword();
        List<String> rest = s.args();
        Keyword spec = k;
        while (true) {
            int cut = -1;
            int limit = (int) Math.min((long) spec.maxArgs(), rest.size() - 1L);
            for (int i = spec.minArgs(); i <= limit; i++) {
                if (Keywords.lookup(block, rest.get(i)).isPresent()) {
                    cut = i;
                    break;
                }
            }
            if (cut < 0) {
                out.add(new Stmt(kw, rest, s.where(), s.children(), s.block()));
                return out;
            }
            out.add(new Stmt(kw, rest.subList(0, cut), s.where(), List.of(), false));
            kw = rest.get(cut);
            rest = rest.subList(cut + 1, rest.size());
            spec = Keywords.lookup(block, kw).orElseThrow();
        }
    }
}
