package org.lvsd.conf.syntax;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.lvsd.conf.Diagnostic;

/**
 * Builds the statement tree from the tokens of successive logical lines.
 *
 * <p>A statement is a keyword plus its words, ended by the end of its line, a {@code {}
 * or a {@code }}. A statement followed by {@code {} owns the block up to the matching
 * {@code }}; a {@code {} with no keyword before it on its line opens the block of the
 * previous statement. Unbalanced braces are reported, never thrown: a stray {@code }} is
 * ignored and blocks still open at the end are closed there.
 */
final class TreeBuilder {

    private final List<Diagnostic> diagnostics;
    private final Deque<Statement> open = new ArrayDeque<>();
    private final Statement root = new Statement(null, null, 0);

    TreeBuilder(List<Diagnostic> diagnostics) {
        this.diagnostics = diagnostics;
        open.push(root);
    }

    /** Adds the tokens of one logical line. */
    void accept(List<Token> lineTokens) {
        Statement current = null;
        for (Token token : lineTokens) {
            switch (token.kind()) {
                case WORD -> {
                    if (current == null) {
                        current = new Statement(token.text(), token.file(), token.line());
                        open.peek().children.add(current);
                    } else {
                        current.args.add(token.text());
                    }
                }
                case OPEN -> {
                    openBlock(current, token);
                    current = null;
                }
                case CLOSE -> {
                    closeBlock(token);
                    current = null;
                }
            }
        }
    }

    private void openBlock(Statement current, Token brace) {
        Statement owner = current;
        if (owner == null) {
            List<Statement> siblings = open.peek().children;
            owner = siblings.isEmpty() ? null : siblings.get(siblings.size() - 1);
            if (owner == null || owner.block) {
                diagnostics.add(Diagnostic.error(brace.file(), brace.line(), "'{' without a keyword before it"));
                owner = new Statement("{", brace.file(), brace.line());
            }
        }
        owner.block = true;
        owner.openFile = brace.file();
        owner.openLine = brace.line();
        open.push(owner);
    }

    private void closeBlock(Token brace) {
        if (open.size() == 1) {
            diagnostics.add(Diagnostic.error(brace.file(), brace.line(), "'}' without a matching '{'"));
        } else {
            open.pop();
        }
    }

    /** Reports the blocks still open and returns the root node of the tree. */
    ImmutableNode finish() {
        List<Statement> unclosed = new ArrayList<>(open);
        for (int i = unclosed.size() - 2; i >= 0; i--) {
            Statement s = unclosed.get(i);
            diagnostics.add(Diagnostic.error(s.openFile, s.openLine,
                    "'{' opened here for '" + s.keyword + "' is never closed"));
        }
        open.clear();
        open.push(root);
        return root.toNode();
    }

    /** A statement being built; becomes an {@link ImmutableNode} at the end. */
    private static final class Statement {
        final String keyword;
        final String file;
        final int line;
        final List<String> args = new ArrayList<>();
        final List<Statement> children = new ArrayList<>();
        boolean block;
        String openFile;
        int openLine;

        Statement(String keyword, String file, int line) {
            this.keyword = keyword;
            this.file = file;
            this.line = line;
        }

        ImmutableNode toNode() {
            ImmutableNode.Builder builder = new ImmutableNode.Builder(children.size()).name(keyword);
            if (file != null) {
                builder.addAttribute(Nodes.ARGS, List.copyOf(args))
                        .addAttribute(Nodes.FILE, file)
                        .addAttribute(Nodes.LINE, line);
                if (block) {
                    builder.addAttribute(Nodes.BLOCK, Boolean.TRUE);
                }
            }
            for (Statement child : children) {
                builder.addChild(child.toNode());
            }
            return builder.create();
        }
    }
}
