package org.lvsd.conf.syntax;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lvsd.conf.Diagnostic;

/**
 * Parameter definitions and their substitution (keepalived.conf(5), "Parameter
 * substitution" and "Pre-defined definitions").
 *
 * <p>{@code $NAME=VALUE} stores VALUE unsubstituted; substitution happens when the
 * parameter is used, recursively, so a later redefinition of an inner parameter changes
 * later uses. A value of several lines (a definition continued with trailing backslashes)
 * is used one line at a time by {@link Preprocessor}, so definitions inside it take effect
 * in order. A loop of parameters is an error; an undefined parameter is left as written
 * with a warning.
 */
final class Parameters {

    private static final Pattern DEFINITION = Pattern.compile("\\s*\\$([A-Za-z_][A-Za-z0-9_]*)=(.*)", Pattern.DOTALL);
    private static final Pattern CONDITIONAL_DEFINITION =
            Pattern.compile("\\s*(@\\S*\\s+)?\\$[A-Za-z_][A-Za-z0-9_]*=.*", Pattern.DOTALL);

    /** Longest line substitution may produce; guards against parameters that double at each level. */
    static final int MAX_LINE_LENGTH = 1 << 20;
    /** keepalived's default upper bound of {@code ${_RANDOM}}. */
    private static final long RANDOM_MAX = 32767;

    private final Map<String, List<String>> values = new HashMap<>();
    private final ParseOptions options;
    private final List<Diagnostic> diagnostics;
    private final Random random = new Random();
    private boolean tooLong;

    Parameters(ParseOptions options, List<Diagnostic> diagnostics) {
        this.options = options;
        this.diagnostics = diagnostics;
    }

    /** Whether {@code text}, perhaps behind a condition, starts a parameter definition. */
    static boolean startsDefinition(String text) {
        return CONDITIONAL_DEFINITION.matcher(text).matches();
    }

    /**
     * Stores the definition in {@code text} and returns true, or returns false when the text
     * is not a definition. Lines of a continued definition are separated by '\n'; a first
     * line with nothing after the '=' is not part of the value.
     */
    boolean define(String text) {
        Matcher m = DEFINITION.matcher(text);
        if (!m.matches()) {
            return false;
        }
        List<String> lines = new ArrayList<>(Arrays.asList(m.group(2).split("\n", -1)));
        if (lines.size() > 1 && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        lines.replaceAll(String::strip);
        values.put(m.group(1), List.copyOf(lines));
        return true;
    }

    /** Defines {@code name} as the single line {@code value}. */
    void define(String name, String value) {
        values.put(name, List.of(value));
    }

    /** The lines of a multi-line parameter. */
    List<String> lines(String name) {
        return values.get(name);
    }

    /**
     * Substitutes the parameters in {@code text}, stopping at the first multi-line one.
     *
     * @param line where the text comes from, for diagnostics
     * @param chain the parameters being expanded around this text, outermost first
     * @param pwd the directory of the current file, for {@code ${_PWD}}
     * @return the expansion, or null when it grew too long (which is reported)
     */
    Expansion substitute(SourceLine line, String text, List<String> chain, String pwd) {
        tooLong = false;
        Expansion expansion = expand(line, text, chain, pwd);
        return tooLong ? null : expansion;
    }

    private Expansion expand(SourceLine line, String text, List<String> chain, String pwd) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            if (out.length() > MAX_LINE_LENGTH || tooLong) {
                if (!tooLong) {
                    diagnostics.add(Diagnostic.error(line.file(), line.line(),
                            "line is longer than " + MAX_LINE_LENGTH + " characters after parameter substitution"));
                }
                tooLong = true;
                break;
            }
            char c = text.charAt(i);
            Reference ref = c == '$' ? Reference.at(text, i) : null;
            if (ref == null) {
                out.append(c);
                i++;
                continue;
            }
            i = ref.end();
            String builtin = builtin(line, ref, pwd);
            if (builtin != null) {
                out.append(builtin);
                continue;
            }
            List<String> value = values.get(ref.name());
            if (value == null || !ref.argument().isEmpty()) {
                diagnostics.add(Diagnostic.warning(line.file(), line.line(),
                        "undefined parameter " + ref.written() + " left as written"));
                out.append(ref.written());
            } else if (chain.contains(ref.name())) {
                reportLoop(line, chain, ref.name());
                out.append(ref.written());
            } else if (value.size() > 1) {
                return new Expansion(out.toString(), ref.name(), text.substring(i));
            } else {
                out.append(substituteInside(line, ref, value.get(0), chain, pwd));
            }
        }
        return Expansion.complete(out.toString());
    }

    /** Records a parameter loop, {@code name} being used again inside its own expansion. */
    private void reportLoop(SourceLine line, List<String> chain, String name) {
        StringBuilder path = new StringBuilder("parameter loop: ");
        for (String outer : chain.subList(chain.indexOf(name), chain.size())) {
            path.append('$').append(outer).append(" -> ");
        }
        diagnostics.add(Diagnostic.error(line.file(), line.line(), path.append('$').append(name).toString()));
    }

    private String substituteInside(SourceLine line, Reference ref, String value, List<String> chain, String pwd) {
        Expansion inner = expand(line, value, with(chain, ref.name()), pwd);
        if (inner.isComplete()) {
            return inner.done();
        }
        diagnostics.add(Diagnostic.error(line.file(), line.line(), "multi-line parameter $" + inner.multiLine()
                + " cannot be used inside the one-line parameter $" + ref.name()));
        return ref.written();
    }

    static List<String> with(List<String> chain, String name) {
        List<String> longer = new ArrayList<>(chain);
        longer.add(name);
        return List.copyOf(longer);
    }

    /** The value of a pre-defined parameter, or null when {@code ref} is not one. */
    private String builtin(SourceLine line, Reference ref, String pwd) {
        switch (ref.name()) {
            case "_PWD":
                return pwd;
            case "_INSTANCE":
                return options.configId();
            case "_HASH":
                return "#";
            case "_BANG":
                return "!";
            case "_ENV":
                String value = options.environment().get(ref.argument());
                if (value == null) {
                    diagnostics.add(Diagnostic.warning(line.file(), line.line(),
                            "environment variable '" + ref.argument() + "' is not set; " + ref.written() + " is empty"));
                    return "";
                }
                return value;
            case "_RANDOM":
                return random(line, ref);
            default:
                return null;
        }
    }

    /** {@code ${_RANDOM [MIN [MAX]]}}: an integer in [MIN, MAX], by default [0, 32767]. */
    private String random(SourceLine line, Reference ref) {
        String[] bounds = ref.argument().isEmpty() ? new String[0] : ref.argument().split("\\s+");
        try {
            if (bounds.length > 2) {
                throw new NumberFormatException();
            }
            long min = bounds.length > 0 ? Long.parseLong(bounds[0]) : 0;
            long max = bounds.length > 1 ? Long.parseLong(bounds[1]) : RANDOM_MAX;
            if (min < 0 || max < min) {
                throw new NumberFormatException();
            }
            return Long.toString(min + random.nextLong(max - min + 1));
        } catch (NumberFormatException e) {
            diagnostics.add(Diagnostic.error(line.file(), line.line(),
                    ref.written() + " needs non-negative integers MIN <= MAX"));
            return "";
        }
    }
}
