package org.lvsd.conf.syntax;

import java.util.List;
import org.apache.commons.configuration2.tree.ImmutableNode;

/**
 * Reads the attributes every statement node carries.
 *
 * <p>The tree contract: a node's name is the statement's keyword as written and its value
 * is null; attribute {@value #ARGS} is the {@code List<String>} of the remaining words
 * (unquoted, unescaped, substituted), {@value #FILE} the file it was read from,
 * {@value #LINE} the 1-based line of the keyword, and {@value #BLOCK} is
 * {@link Boolean#TRUE} when a {@code { ... }} block follows, whose statements are then the
 * node's children.
 */
public final class Nodes {

    /** Attribute holding the words after the keyword. */
    public static final String ARGS = "args";
    /** Attribute holding the file name. */
    public static final String FILE = "file";
    /** Attribute holding the 1-based line of the keyword. */
    public static final String LINE = "line";
    /** Attribute set to {@link Boolean#TRUE} when the statement has a block. */
    public static final String BLOCK = "block";

    private Nodes() {
    }

    /** The words after the keyword; empty when there are none or the node is not a statement. */
    @SuppressWarnings("unchecked")
    public static List<String> args(ImmutableNode node) {
        Object args = node.getAttributes().get(ARGS);
        return args instanceof List<?> list ? (List<String>) list : List.of();
    }

    /** The {@code index}-th word after the keyword (0-based), or null when there are fewer words. */
    public static String arg(ImmutableNode node, int index) {
        List<String> args = args(node);
        return index >= 0 && index < args.size() ? args.get(index) : null;
    }

    /** The file the statement was read from, or null for a node that is not a statement. */
    public static String file(ImmutableNode node) {
        return (String) node.getAttributes().get(FILE);
    }

    /** The 1-based line of the keyword, or 0 for a node that is not a statement. */
    public static int line(ImmutableNode node) {
        Object line = node.getAttributes().get(LINE);
        return line instanceof Integer number ? number : 0;
    }

    /** Whether a {@code { ... }} block followed the statement (it may be empty). */
    public static boolean hasBlock(ImmutableNode node) {
        return Boolean.TRUE.equals(node.getAttributes().get(BLOCK));
    }

    /** {@code file:line}, the prefix of a diagnostic about this statement. */
    public static String where(ImmutableNode node) {
        return file(node) + ":" + line(node);
    }
}
