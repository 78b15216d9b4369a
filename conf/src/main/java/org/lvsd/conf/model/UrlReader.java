package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** Reads {@code url { path; digest; status_code; virtualhost; regex ... }} of HTTP_GET/SSL_GET. */
final class UrlReader {

    private static final List<StatusRange> DEFAULT_CODES = List.of(new StatusRange(200, 299));

    /**
     * The {@code regex_options} lvsd honours: the PCRE2 options (keepalived.conf(5) lists the
     * words) that java.util.regex has a flag for with the same meaning.
     */
    static final List<String> REGEX_OPTIONS = List.of("caseless", "multiline", "dotall");

    /** keepalived's other {@code regex_options} (keepalived.conf(5)): PCRE2 only. */
    private static final Set<String> PCRE2_ONLY_OPTIONS = Set.of("allow_empty_class", "alt_bsux",
            "auto_callout", "dollar_endonly", "dupnames", "extended", "firstline",
            "match_unset_backref", "never_ucp", "never_utf", "no_auto_capture", "no_auto_possess",
            "no_dotstar_anchor", "no_start_optimize", "ucp", "ungreedy", "utf",
            "never_backslash_c", "alt_circumflex", "alt_verbnames", "use_offset_limit");

    private UrlReader() {
    }

    static Optional<UrlCheck> read(Stmt block, Optional<String> inheritedHost, Diags d) {
        var st = new Object() {
            Optional<String> path = Optional.empty();
            Optional<String> digest = Optional.empty();
            List<StatusRange> codes = new ArrayList<>();
            Optional<String> host = Optional.empty();
            Optional<String> regex = Optional.empty();
            boolean noMatch;
            List<String> options = new ArrayList<>();
            int minOffset;
            Optional<Integer> maxOffset = Optional.empty();
            Where maxWhere;
        };
        BlockWalker.walk(Block.URL, block.children(), d, s -> {
            switch (s.keyword()) {
                case "path" -> st.path = Optional.of(s.arg(0));
                case "digest" -> {
                    if (!s.arg(0).matches("[0-9a-fA-F]{32}")) {
                        d.error(s.where(), "digest expects 32 hexadecimal digits (MD5), got '" + s.arg(0) + "'");
                    } else {
                        st.digest = Optional.of(s.arg(0).toLowerCase(Locale.ROOT));
                    }
                }
                case "status_code" -> {
                    for (String w : s.args()) {
                        Optional<StatusRange> r = statusRange(w);
                        if (r.isPresent()) {
                            st.codes.add(r.get());
                        } else {
                            d.error(s.where(), "status_code expects codes 100..599 or ranges like 200-299, got '"
                                    + w + "'");
                        }
                    }
                }
                case "virtualhost" -> st.host = Optional.of(s.arg(0));
                case "regex" -> st.regex = Optional.of(s.arg(0));
                case "regex_no_match" -> st.noMatch = true;
                case "regex_options" -> regexOptions(s, st.options, d);
                case "regex_min_offset" -> Values.integer(s, 0, 0, Integer.MAX_VALUE, d)
                        .ifPresent(v -> st.minOffset = v);
                case "regex_max_offset" -> Values.integer(s, 0, 0, Integer.MAX_VALUE, d)
                        .ifPresent(v -> {
                            st.maxOffset = Optional.of(v);
                            st.maxWhere = s.where();
                        });
                default -> d.unhandled(Block.URL, s);
            }
        });
        if (st.path.isEmpty()) {
            d.error(block.where(), "url: missing 'path'");
            return Optional.empty();
        }
        if (st.maxOffset.isPresent() && st.maxOffset.get() < st.minOffset) {
            d.error(st.maxWhere, "regex_max_offset " + st.maxOffset.get() + " is below regex_min_offset "
                    + st.minOffset);
            return Optional.empty();
        }
        return Optional.of(new UrlCheck(st.path.get(), st.digest, st.codes.isEmpty() ? DEFAULT_CODES : st.codes,
                st.host.or(() -> inheritedHost), st.regex, st.noMatch, st.options, st.minOffset, st.maxOffset,
                block.where()));
    }

    /** Adds the statement's words that lvsd honours; an error names each other word. */
    private static void regexOptions(Stmt s, List<String> out, Diags d) {
        for (String w : s.args()) {
            if (REGEX_OPTIONS.contains(w)) {
                if (!out.contains(w)) {
                    out.add(w);
                }
            } else if (PCRE2_ONLY_OPTIONS.contains(w)) {
                d.error(s.where(), "regex_options " + w + " is a PCRE2 option without a java.util.regex "
                        + "equivalent; lvsd supports " + String.join(", ", REGEX_OPTIONS));
            } else {
                d.error(s.where(), "regex_options: unknown option '" + w + "'; lvsd supports "
                        + String.join(", ", REGEX_OPTIONS));
            }
        }
    }

    static Optional<StatusRange> statusRange(String w) {
        String[] parts = w.split("-", -1);
        if (parts.length > 2) {
            return Optional.empty();
        }
        Optional<Long> from = Values.parseLong(parts[0]);
        Optional<Long> to = parts.length == 2 ? Values.parseLong(parts[1]) : from;
        if (from.isEmpty() || to.isEmpty() || from.get() < 100 || to.get() > 599 || from.get() > to.get()) {
            return Optional.empty();
        }
        return Optional.of(new StatusRange(from.get().intValue(), to.get().intValue()));
    }
}
