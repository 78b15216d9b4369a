package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code url { path; digest; status_code; virtualhost; regex ... }} of HTTP_GET/SSL_GET. */
final class UrlReader {

    private static final List<StatusRange> DEFAULT_CODES = List.of(new StatusRange(200, 299));

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
                default -> d.unhandled(Block.URL, s);
            }
        });
        if (st.path.isEmpty()) {
            d.error(block.where(), "url: missing 'path'");
            return Optional.empty();
        }
        return Optional.of(new UrlCheck(st.path.get(), st.digest, st.codes.isEmpty() ? DEFAULT_CODES : st.codes,
                st.host.or(() -> inheritedHost), st.regex, st.noMatch, block.where()));
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
