package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * One statement of the parsed tree as the readers see it: keyword, words, origin and, when a
 * {@code {...}} block followed, its statements.
 *
 * @param keyword the first word
 * @param args the remaining words
 * @param where file and line of the statement
 * @param children the statements of the block, empty when there is none
 * @param block whether a block followed the statement
 */
record Stmt(String keyword, List<String> args, Where where, List<ImmutableNode> children, boolean block) {

    Stmt {
        args = List.copyOf(args);
        children = List.copyOf(children);
    }

    /** Reads a node following the tree contract (attributes args, file, line, block). */
    static Stmt of(ImmutableNode node) {
        Map<String, Object> attrs = node.getAttributes();
        List<String> args = new ArrayList<>();
        if (attrs.get("args") instanceof List<?> list) {
            list.forEach(o -> args.add(String.valueOf(o)));
        }
        String file = attrs.get("file") instanceof String f ? f : "?";
        int line = attrs.get("line") instanceof Integer l ? l : 0;
        boolean block = Boolean.TRUE.equals(attrs.get("block"));
        return new Stmt(node.getNodeName(), args, new Where(file, line), node.getChildren(), block);
    }

    int size() {
        return args.size();
    }

    String arg(int i) {
        return args.get(i);
    }

    /** The words as one line, the way the user wrote them (less quoting). */
    String text() {
        return args.isEmpty() ? keyword : keyword + " " + String.join(" ", args);
    }
}
