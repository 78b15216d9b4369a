package org.lvsd.healthcheck.spec;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code url} block: {@code path}, {@code status_code}, optional {@code digest} (MD5 hex of
 * the body, lower case) and a per-url {@code virtualhost}.
 */
public record UrlSpec(String path, StatusCodes statusCodes, Optional<String> digest,
                      Optional<String> virtualhost) {

    public UrlSpec {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(statusCodes, "statusCodes");
        Objects.requireNonNull(virtualhost, "virtualhost");
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
    }

    /** A url expecting 200-299 and no digest. */
    public static UrlSpec of(String path) {
        return new UrlSpec(path, StatusCodes.defaults(), Optional.empty(), Optional.empty());
    }
}
