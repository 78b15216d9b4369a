package org.lvsd.conf.syntax;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * glob(3) matching of one brace-free path pattern: {@code *}, {@code ?} and {@code [...]}
 * (with {@code !} or {@code ^} negation) within a path segment. As in glob(3), a wildcard
 * does not match a leading '.', and each directory's matches are sorted by name.
 */
final class Glob {

    private Glob() {
    }

    /** Whether {@code pattern} has a wildcard. */
    static boolean hasWildcard(String pattern) {
        return pattern.indexOf('*') >= 0 || pattern.indexOf('?') >= 0 || pattern.indexOf('[') >= 0;
    }

    /**
     * The regular files matching {@code pattern}, relative patterns resolved against
     * {@code base}; paths are built from {@code base} and the pattern's segments, so they
     * stay relative when both are.
     */
    static List<Path> match(Path base, String pattern) throws IOException {
        List<Path> current = List.of(pattern.startsWith("/") ? Path.of("/") : base);
        for (String segment : pattern.split("/+")) {
            if (segment.isEmpty()) {
                continue;
            }
            List<Path> next = new ArrayList<>();
            for (Path dir : current) {
                if (hasWildcard(segment)) {
                    next.addAll(children(dir, segment));
                } else {
                    next.add(dir.resolve(segment));
                }
            }
            current = next;
        }
        return current.stream().filter(Files::isRegularFile).toList();
    }

    private static List<Path> children(Path dir, String segment) throws IOException {
        Path listed = dir.toString().isEmpty() ? Path.of(".") : dir;
        if (!Files.isDirectory(listed)) {
            return List.of();
        }
        Pattern regex = toRegex(segment);
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(listed)) {
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (regex.matcher(name).matches() && (!name.startsWith(".") || segment.startsWith("."))) {
                    names.add(name);
                }
            }
        }
        names.sort(null);
        return names.stream().map(dir::resolve).toList();
    }

    static Pattern toRegex(String segment) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            int close = c == '[' ? segment.indexOf(']', i + 2) : -1;
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (close > 0) {
                String set = segment.substring(i + 1, close);
                boolean negated = set.startsWith("!") || set.startsWith("^");
                regex.append(negated ? "[^" : "[")
                        .append(set.substring(negated ? 1 : 0).replace("\\", "\\\\").replace("[", "\\["))
                        .append(']');
                i = close;
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString());
    }
}
