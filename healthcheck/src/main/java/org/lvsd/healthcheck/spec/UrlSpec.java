package org.lvsd.healthcheck.spec;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code url} block: {@code path}, {@code status_code}, optional {@code digest} (MD5 hex of
 * the body, lower case), a per-url {@code virtualhost}, and an optional {@code regex} the body
 * must match (or, with {@code regex_no_match}, must not match). The regex is a Java regular
 * expression ({@link java.util.regex.Pattern}), which agrees with keepalived's PCRE2 on the
 * usual constructs; it must compile.
 */
public record UrlSpec(String path, StatusCodes statusCodes, Optional<String> digest,
                      Optional<String> virtualhost, Optional<String> regex,
                      boolean regexNoMatch) {

    public UrlSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(statusCodes, "statusCodes");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(regex, "regex");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("url path must start with '/': " + path);
        }
        if (path.chars().anyMatch(c -> c <= ' ' || c == 0x7f)) {
            throw new IllegalArgumentException("url path contains blanks or controls: " + path);
        }
        digest = digest.map(d -> d.toLowerCase(Locale.ROOT));
        digest.ifPresent(d -> {
            if (!d.matches("[0-9a-f]{32}")) {
                throw new IllegalArgumentException("digest is not 32 hex digits: " + d);
            }
        });
        regex.ifPresent(r -> {
            try {
                Pattern.compile(r);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("regex does not compile: "
                        + e.getDescription() + " near index " + e.getIndex() + " of " + r);
            }
        });
        if (regexNoMatch && regex.isEmpty()) {
            throw new IllegalArgumentException("regex_no_match without regex");
        }
    }

    /** A url without regex. */
    public UrlSpec(String path, StatusCodes statusCodes, Optional<String> digest,
                   Optional<String> virtualhost) {
        this(path, statusCodes, digest, virtualhost, Optional.empty(), false);
    }

    /** A url expecting 200-299 and no digest. */
    public static UrlSpec of(String path) {
        return new UrlSpec(path, StatusCodes.defaults(), Optional.empty(), Optional.empty());
    }

    /** Whether judging this url needs the response body (a digest or a regex). */
    public boolean needsBody() {
        return digest.isPresent() || regex.isPresent();
    }
}
