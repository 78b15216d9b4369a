package org.lvsd.ipvs.format;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one restore line's tokens into options with their arguments and leftover arguments, as
 * popt does for ipvsadm: {@code --name}, {@code --name=value}, {@code -x}, {@code -xVALUE},
 * clustered flags ({@code -6o}); a required argument takes the next token, the optional argument
 * of {@code -p} only a next token that does not start with '-'.
 */
final class LineOptions {
    /** One option occurrence: the spelling used, its spec and argument (null when none). */
    record Occurrence(String token, Syntax.Spec spec, String arg) {
    }

    final List<Occurrence> options = new ArrayList<>();
    final List<String> leftovers = new ArrayList<>();

    static LineOptions split(List<String> tokens) throws IllegalArgumentException {
        LineOptions out = new LineOptions();
        for (int i = 0; i < tokens.size(); i++) {
            String tok = tokens.get(i);
            if (tok.startsWith("--") && tok.length() > 2) {
                int eq = tok.indexOf('=');
                String name = eq < 0 ? tok.substring(2) : tok.substring(2, eq);
                String inline = eq < 0 ? null : tok.substring(eq + 1);
                Syntax.Spec spec = Syntax.longOption(name);
                if (spec == null) {
                    throw new IllegalArgumentException(tok + ": unknown option");
                }
                i = out.take(tokens, i, "--" + name, spec, inline);
            } else if (tok.startsWith("-") && tok.length() > 1) {
                String rest = tok.substring(1);
                while (!rest.isEmpty()) {
                    char c = rest.charAt(0);
                    Syntax.Spec spec = Syntax.shortOption(c);
                    if (spec == null) {
                        throw new IllegalArgumentException("-" + c + ": unknown option");
                    }
                    String tail = rest.substring(1);
                    if (spec.arg() != Syntax.Arg.NONE) {
                        i = out.take(tokens, i, "-" + c, spec, tail.isEmpty() ? null : tail);
                        break;
                    }
                    out.options.add(new Occurrence("-" + c, spec, null));
                    rest = tail;
                }
            } else {
                out.leftovers.add(tok);
            }
        }
        return out;
    }

    private int take(List<String> tokens, int i, String token, Syntax.Spec spec, String inline) {
        String arg = inline;
        int next = i;
        if (arg == null && spec.arg() == Syntax.Arg.REQUIRED) {
            if (i + 1 >= tokens.size()) {
                throw new IllegalArgumentException(token + ": missing argument");
            }
            arg = tokens.get(++next);
        } else if (arg == null && spec.arg() == Syntax.Arg.OPTIONAL && i + 1 < tokens.size()
                && !tokens.get(i + 1).startsWith("-")) {
            arg = tokens.get(++next);
        }
        if (spec.arg() == Syntax.Arg.NONE && inline != null) {
            throw new IllegalArgumentException(token + ": option does not take an argument");
        }
        options.add(new Occurrence(token, spec, arg));
        return next;
    }
}
