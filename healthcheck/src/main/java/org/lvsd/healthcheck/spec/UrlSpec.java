package org.lvsd.healthcheck.spec;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * One {@code url} block: {@code path}, {@code status_code}, optional {@code digest} (MD5 hex of
 * the body, lower case), a per-url {@code virtualhost}, and an optional {@code regex} the body
 * must match (or, with {@code regex_no_match}, must not match). The regex is a Java regular
 * expression ({@link java.util.regex.Pattern}), which agrees with keepalived's PCRE2 on the
 * usual constructs; it must compile. {@code regex_options} are {@link RegexFlag}s;
 * {@code regex_min_offset} and {@code regex_max_offset} bound where in the body a match may
 * start (keepalived.conf(5): "the minimum offset into the returned data to start checking for
 * the regex pattern match", "the maximum offset into the returned data for the start of the
 * subject match"), both inclusive, counted in body bytes.
 */
public record UrlSpec(String path, StatusCodes statusCodes, Optional<String> digest,
                      Optional<String> virtualhost, Optional<String> regex,
                      boolean regexNoMatch, Set<RegexFlag> regexFlags, int regexMinOffset,
                      OptionalInt regexMaxOffset) {

    public UrlSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(statusCodes, "statusCodes");
        Objects.requireNonNull(virtualhost, "virtualhost");
        Objects.requireNonNull(regex, "regex");
        regexFlags = Set.copyOf(regexFlags);
        Objects.requireNonNull(regexMaxOffset, "regexMaxOffset");
        if (regexMinOffset < 0 || regexMaxOffset.orElse(regexMinOffset) < regexMinOffset) {
            throw new IllegalArgumentException("regex offsets must satisfy 0 <= min <= max: "
                    + regexMinOffset + ", " + regexMaxOffset);
        }
        int flags = RegexFlag.patternFlags(regexFlags);
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
                Pattern.compile(r, flags);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("regex does not compile: "
                        + e.getDescription() + " near index " + e.getIndex() + " of " + r);
            }
        });
        if (regexNoMatch && regex.isEmpty()) {
            throw new IllegalArgumentException("regex_no_match without regex");
        }
    }

    /** A url whose regex, if any, has no options and may match anywhere in the body. */
    public UrlSpec(String path, StatusCodes statusCodes, Optional<String> digest,
                   Optional<String> virtualhost, Optional<String> regex, boolean regexNoMatch) {
        this(path, statusCodes, digest, virtualhost, regex, regexNoMatch, Set.of(), 0,
                OptionalInt.empty());
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
