package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.spec.RegexFlag;
import org.lvsd.healthcheck.spec.StatusCodes;
import org.lvsd.healthcheck.spec.UrlSpec;

/** {@link BodyRegex} with the url's regex_options and regex_min_offset / regex_max_offset. */
class BodyRegexTest {

    private static final String NO_MATCH = "regex did not match";

    private static String judge(String regex, String body, Set<RegexFlag> flags, int min,
                                OptionalInt max, boolean noMatch) {
        byte[] bytes = body.getBytes(StandardCharsets.ISO_8859_1);
        UrlSpec url = new UrlSpec("/", StatusCodes.defaults(), Optional.empty(), Optional.empty(),
                Optional.of(regex), noMatch, flags, min, max);
        return BodyRegex.of(url).judge(bytes, bytes.length);
    }

    private static String judge(String regex, String body, Set<RegexFlag> flags) {
        return judge(regex, body, flags, 0, OptionalInt.empty(), false);
    }

    private static String judge(String regex, String body, int min, OptionalInt max) {
        return judge(regex, body, Set.of(), min, max, false);
    }

    @Test
    void caselessFoldsAsciiLetters() {
        assertEquals(NO_MATCH, judge("status: ok", "STATUS: OK", Set.of()));
        assertNull(judge("status: ok", "STATUS: OK", Set.of(RegexFlag.CASELESS)));
    }

    @Test
    void multilineAnchorsAtLineEnds() {
        assertEquals(NO_MATCH, judge("^beta$", "alpha\nbeta\ngamma", Set.of()));
        assertNull(judge("^beta$", "alpha\nbeta\ngamma", Set.of(RegexFlag.MULTILINE)));
    }

    @Test
    void dotallLetsTheDotMatchALineEnd() {
        assertEquals(NO_MATCH, judge("a.b", "a\nb", Set.of()));
        assertNull(judge("a.b", "a\nb", Set.of(RegexFlag.DOTALL)));
    }

    @Test
    void theSearchStartsAtTheMinimumOffset() {
        assertNull(judge("ok", "ok....ok", 3, OptionalInt.empty()));
        assertEquals(NO_MATCH, judge("ok", "ok......", 3, OptionalInt.empty()));
        assertEquals(NO_MATCH, judge("ok", "ok", 3, OptionalInt.empty()));
    }

    @Test
    void theMinimumOffsetIsNotTheStartOfTheTextForAnchorsAndLookBehinds() {
        assertEquals(NO_MATCH, judge("^ok", "xxok", 2, OptionalInt.empty()));
        assertNull(judge("(?<=x)ok", "xok", 1, OptionalInt.empty()));
    }

    @Test
    void aMatchMustStartByTheMaximumOffsetButMayEndAfterIt() {
        assertEquals(NO_MATCH, judge("ok", "....ok", 0, OptionalInt.of(3)));
        assertNull(judge("ok", "....ok", 0, OptionalInt.of(4)));
        assertNull(judge("ok.*end", "ok and the end", 0, OptionalInt.of(0)));
    }

    @Test
    void regexNoMatchPassesWhenNoMatchStartsWithinTheOffsets() {
        assertNull(judge("maint", "maint.....", Set.of(), 1, OptionalInt.empty(), true));
        assertEquals("regex matched (regex_no_match)",
                judge("maint", "..maint", Set.of(), 1, OptionalInt.of(2), true));
    }
}
