package org.lvsd.conf.model;

import java.util.List;
import java.util.Optional;

/**
 * One {@code url { ... }} of an HTTP_GET or SSL_GET checker.
 *
 * @param path {@code path}
 * @param digest {@code digest}: MD5 of the body, lower-case hex
 * @param statusCodes {@code status_code} (default 200-299)
 * @param virtualhost Host header: the url's, else the checker's, else the real server's
 * @param regex {@code regex} the body must match
 * @param regexNoMatch {@code regex_no_match}: the body must not match
 * @param regexOptions {@code regex_options}, each one of {@link UrlReader#REGEX_OPTIONS}
 * @param regexMinOffset {@code regex_min_offset}: the first body offset a match may start at
 *        (default 0)
 * @param regexMaxOffset {@code regex_max_offset}: the last body offset a match may start at,
 *        at least the minimum
 * @param where origin
 */
public record UrlCheck(String path, Optional<String> digest, List<StatusRange> statusCodes,
        Optional<String> virtualhost, Optional<String> regex, boolean regexNoMatch,
        List<String> regexOptions, int regexMinOffset, Optional<Integer> regexMaxOffset,
        Where where) {

    public UrlCheck {
        statusCodes = List.copyOf(statusCodes);
        regexOptions = List.copyOf(regexOptions);
    }
}
