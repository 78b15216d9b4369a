package org.lvsd.healthcheck.spec;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code status_code} set of an HTTP_GET / SSL_GET url block: ranges such as
 * {@code 200 200-299 400-499}. keepalived's default is 200-299.
 */
public record StatusCodes(List<Range> ranges) {

    /** An inclusive range of status codes. */
    public record Range(int from, int to) {
        public Range {
            if (from < 100 || to > 599 || from > to) {
                throw new IllegalArgumentException("bad status range " + from + "-" + to);
            }
        }
    }

    public StatusCodes {
        ranges = List.copyOf(ranges);
        if (ranges.isEmpty()) {
            throw new IllegalArgumentException("status_code set is empty");
        }
    }

    /** 200-299. */
    public static StatusCodes defaults() {
        return new StatusCodes(List.of(new Range(200, 299)));
    }

    /** Parses keepalived's syntax: whitespace-separated codes and {@code a-b} ranges. */
    public static StatusCodes parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Range> out = new ArrayList<>();
        for (String word : text.trim().split("\\s+")) {
            int dash = word.indexOf('-');
            try {
                if (dash < 0) {
                    int code = Integer.parseInt(word);
                    out.add(new Range(code, code));
                } else {
                    out.add(new Range(Integer.parseInt(word.substring(0, dash)),
                            Integer.parseInt(word.substring(dash + 1))));
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad status_code " + word, e);
            }
        }
        return new StatusCodes(out);
    }

    public boolean contains(int code) {
        for (Range r : ranges) {
            if (code >= r.from && code <= r.to) {
                return true;
            }
        }
        return false;
    }
}
