package org.lvsd.conf.syntax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lvsd.conf.Diagnostic;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns configuration files into the logical lines the tokenizer sees (keepalived.conf(5),
 * DESCRIPTION and ADVANCED CONFIGURATION). Comments are removed first; then each line
 * passes its {@code @ID} condition, is stored if it defines a parameter, is repeated by a
 * {@code ~SEQ}/{@code ~LST} loop, and has its parameters substituted. A parameter whose
 * value has several lines becomes several lines, each processed again in turn. A
 * resulting {@code include} line is replaced by the lines of the files it names.
 *
 * <p>keepalived recognises {@code include} before conditions and parameters, so it ignores
 * {@code @lb1 include lb1.conf} and does not substitute {@code include ${DIR}/x.conf}
 * (keepalived.conf(5) says such lines "will not work"). Here both work, which changes
 * nothing for a configuration keepalived accepts unless an include pattern holds a
 * literal {@code $NAME} that is also a defined parameter.
 */
final class Preprocessor {

    private static final Logger LOG = LoggerFactory.getLogger(Preprocessor.class);
    /** Most logical lines one parse processes; bounds runaway includes, loops and parameters. */
    static final long MAX_LINES = 5_000_000;
    private static final String BYTE_ORDER_MARK = "\uFEFF";
    private static final Pattern INCLUDE = Pattern.compile("\\s*(include[rmwba]?)(\\s.*)?", Pattern.DOTALL);

    private final ParseOptions options;
    private final List<Diagnostic> diagnostics;
    private final Parameters parameters;
    private final Consumer<SourceLine> sink;
    private final Deque<Source> reading = new ArrayDeque<>();
    private final List<Path> files = new ArrayList<>();
    private final long maxLines;
    private long processed;

    Preprocessor(ParseOptions options, List<Diagnostic> diagnostics, Consumer<SourceLine> sink) {
        this(options, diagnostics, sink, MAX_LINES);
    }

    Preprocessor(ParseOptions options, List<Diagnostic> diagnostics, Consumer<SourceLine> sink, long maxLines) {
        this.maxLines = maxLines;
        this.options = options;
        this.diagnostics = diagnostics;
        this.parameters = new Parameters(options, diagnostics);
        this.sink = sink;
    }

    /** Processes the text of {@code source} and, through includes, of the files it names. */
    void read(Source source, String text) {
        if (source.identity() != null) {
            files.add(Path.of(source.name()));
        }
        reading.push(source);
        List<String> lines = (text.startsWith(BYTE_ORDER_MARK) ? text.substring(1) : text).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String stripped = Comments.strip(lines.get(i));
            if (stripped.isBlank()) {
                continue;
            }
            SourceLine line = new SourceLine(source.name(), i + 1, stripped);
            if (Parameters.startsDefinition(stripped) && endsWithBackslash(stripped)) {
                StringBuilder joined = new StringBuilder(withoutBackslash(stripped));
                boolean more = true;
                while (more && i + 1 < lines.size()) {
                    String next = Comments.strip(lines.get(++i));
                    more = endsWithBackslash(next);
                    joined.append('\n').append(more ? withoutBackslash(next) : next);
                }
                line = line.withText(joined.toString());
            }
            process(line, List.of());
        }
        reading.pop();
    }

    /** Every file read so far, in the order first read, as named in diagnostics. */
    List<Path> files() {
        return files.stream().distinct().toList();
    }

    private static boolean endsWithBackslash(String text) {
        return text.stripTrailing().endsWith("\\");
    }

    private static String withoutBackslash(String text) {
        String t = text.stripTrailing();
        return t.substring(0, t.length() - 1);
    }

    /** Counts one more line processed and reports, once, when there were too many. */
    private boolean overBudget(SourceLine line) {
        if (++processed <= maxLines) {
            return false;
        }
        if (processed == maxLines + 1) {
            diagnostics.add(Diagnostic.error(line.file(), line.line(), "more than " + maxLines
                    + " lines after expanding includes, parameters and loops; the rest is ignored"));
        }
        return true;
    }

    /** Applies condition, definition, loop and substitution to one line, then emits it. */
    private void process(SourceLine line, List<String> chain) {
        if (overBudget(line)) {
            return;
        }
        String text = Conditionals.apply(line.text(), options.configId());
        if (text == null || parameters.define(text)) {
            return;
        }
        if (LineLoop.startsLoop(text)) {
            loop(line.withText(text), chain);
            return;
        }
        Expansion expansion = parameters.substitute(line, text, chain, reading.peek().pwd());
        if (expansion == null) {
            return;
        }
        if (expansion.isComplete()) {
            String kept = Conditionals.apply(expansion.done(), options.configId());
            if (kept == null || kept.isBlank()) {
                return;
            }
            Matcher include = INCLUDE.matcher(kept);
            if (include.matches()) {
                include(line, include.group(1), include.group(2) == null ? "" : include.group(2));
            } else {
                sink.accept(line.withText(kept));
            }
            return;
        }
        String name = expansion.multiLine();
        List<String> value = parameters.lines(name);
        List<String> inner = Parameters.with(chain, name);
        for (int k = 0; k < value.size(); k++) {
            String part = (k == 0 ? expansion.done() : "") + value.get(k)
                    + (k == value.size() - 1 ? expansion.rest() : "");
            process(line.withText(part), inner);
        }
    }

    private void loop(SourceLine line, List<String> chain) {
        LineLoop loop;
        try {
            loop = LineLoop.parse(line.text());
        } catch (IllegalArgumentException e) {
            diagnostics.add(Diagnostic.error(line.file(), line.line(), e.getMessage()));
            return;
        }
        for (var iteration : loop.iterations()) {
            iteration.forEach(parameters::define);
            process(line.withText(loop.rest()), chain);
        }
    }

    /**
     * Reads the files an include names. Plain {@code include} only warns when nothing can
     * be read, for compatibility; the stricter variants ({@code includer}, {@code includem},
     * {@code includew}, {@code includeb}, {@code includea}) make that an error.
     */
    private void include(SourceLine line, String keyword, String rest) {
        boolean strict = !keyword.equals("include");
        List<String> patterns = Tokenizer.words(line.withText(rest), diagnostics);
        if (patterns.isEmpty()) {
            diagnostics.add(Diagnostic.error(line.file(), line.line(), keyword + " needs a file name"));
            return;
        }
        for (String pattern : patterns) {
            includePattern(line, pattern, strict);
        }
    }

    private void includePattern(SourceLine line, String pattern, boolean strict) {
        List<Path> files = new ArrayList<>();
        try {
            for (String alternative : BraceExpansion.expand(pattern)) {
                files.addAll(Glob.match(reading.peek().directory(), alternative));
            }
        } catch (IOException e) {
            report(line, strict, "cannot search for include '" + pattern + "': " + e.getMessage());
            return;
        }
        if (files.isEmpty()) {
            report(line, strict, Glob.hasWildcard(pattern) || !BraceExpansion.expand(pattern).equals(List.of(pattern))
                    ? "include pattern '" + pattern + "' matches no file"
                    : "include file '" + pattern + "' does not exist");
            return;
        }
        for (Path file : files) {
            includeFile(line, file, strict);
        }
    }

    private void includeFile(SourceLine line, Path file, boolean strict) {
        String text;
        Path identity;
        try {
            identity = file.toRealPath();
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (IOException e) {
            report(line, strict, "cannot read include file '" + file + "': " + e);
            return;
        }
        List<Source> stack = new ArrayList<>(reading);
        for (int i = 0; i < stack.size(); i++) {
            if (identity.equals(stack.get(i).identity())) {
                StringBuilder cycle = new StringBuilder("include cycle: ");
                for (int j = i; j >= 0; j--) {
                    cycle.append(stack.get(j).name()).append(" -> ");
                }
                diagnostics.add(Diagnostic.error(line.file(), line.line(), cycle.append(file).toString()));
                return;
            }
        }
        LOG.debug("{}:{}: including {}", line.file(), line.line(), file);
        read(Source.ofFile(file, identity), text);
    }

    private void report(SourceLine line, boolean strict, String message) {
        diagnostics.add(strict
                ? Diagnostic.error(line.file(), line.line(), message)
                : Diagnostic.warning(line.file(), line.line(), message));
    }
}
