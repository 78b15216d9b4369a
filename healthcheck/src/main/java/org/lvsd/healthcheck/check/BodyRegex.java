package org.lvsd.healthcheck.check;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.lvsd.healthcheck.spec.RegexFlag;
import org.lvsd.healthcheck.spec.UrlSpec;

/**
 * A url's {@code regex} (with {@code regex_no_match}) applied to a response body. The body's
 * bytes are read as ISO-8859-1 characters (one per byte, no decoding), and the match has a
 * budget of character reads proportional to the body, so that a pattern that backtracks
 * badly on what a hostile server sends fails the probe instead of holding the event loop (and
 * a match that recurses too deeply fails it too, as keepalived's {@code regex_stack} bounds
 * PCRE2's). The url's {@code regex_options} are compiled in ({@link RegexFlag}); its
 * {@code regex_min_offset} and {@code regex_max_offset} bound where the match may start: the
 * search begins at the minimum offset, with the text before it still visible to look-behinds
 * and {@code ^} not taking that offset for the start (as a PCRE2 start offset), and a match
 * found starting past the maximum offset counts as none (the leftmost match is found first, so
 * none starts earlier).
 */
final class BodyRegex {

    /** Character reads allowed per body byte, and at least. */
    static final long STEPS_PER_BYTE = 64;
    static final long MIN_STEPS = 1 << 20;

    private final Pattern pattern;
    private final boolean noMatch;
    private final int minOffset;
    /** The last offset a match may start at, inclusive. */
    private final int maxOffset;

    private BodyRegex(Pattern pattern, UrlSpec url) {
        this.pattern = pattern;
        this.noMatch = url.regexNoMatch();
        this.minOffset = url.regexMinOffset();
        this.maxOffset = url.regexMaxOffset().orElse(Integer.MAX_VALUE);
    }

    /** The url's regex, or null when it has none. */
    static BodyRegex of(UrlSpec url) {
        return url.regex().map(r -> new BodyRegex(Pattern.compile(r,
                RegexFlag.patternFlags(url.regexFlags())), url)).orElse(null);
    }

    /** @return null when the body passes, else the reason it fails */
    String judge(byte[] body, int length) {
        long budget = Math.max(MIN_STEPS, STEPS_PER_BYTE * length);
        boolean found;
        try {
            found = minOffset <= length && startsInBounds(pattern.matcher(
                    new Text(body, 0, length, new long[] {budget})));
        } catch (BudgetExceeded e) {
            return "regex gave up after " + budget + " steps on a " + length + " byte body";
        } catch (StackOverflowError e) {
            return "regex exhausted the stack on a " + length + " byte body";
        }
        if (found == noMatch) {
            return noMatch ? "regex matched (regex_no_match)" : "regex did not match";
        }
        return null;
    }

    private boolean startsInBounds(Matcher m) {
        m.useTransparentBounds(true).useAnchoringBounds(false).region(minOffset, m.regionEnd());
        return m.find() && m.start() <= maxOffset;
    }

    private static final class BudgetExceeded extends RuntimeException {
        BudgetExceeded() {
            super(null, null, false, false);
        }
    }

    /** Bytes as characters, counting every read against a shared budget. */
    private record Text(byte[] bytes, int start, int end, long[] budget) implements CharSequence {

        @Override
        public int length() {
            return end - start;
        }

        @Override
        public char charAt(int index) {
            if (--budget[0] < 0) {
                throw new BudgetExceeded();
            }
            return (char) (bytes[start + index] & 0xFF);
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new Text(bytes, start + from, start + to, budget);
        }

        @Override
        public String toString() {
            char[] chars = new char[length()];
            for (int i = 0; i < chars.length; i++) {
                chars[i] = (char) (bytes[start + i] & 0xFF);
            }
            return new String(chars);
        }
    }
}
