package org.lvsd.healthcheck.spec;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The url {@code regex_options} lvsd honours: keepalived passes these words to PCRE2
 * (pcre2api(3): PCRE2_CASELESS, PCRE2_MULTILINE, PCRE2_DOTALL), and each has a
 * {@link Pattern} flag with the same meaning for the bytes-as-ISO-8859-1 text lvsd matches:
 * case folding of ASCII letters only, {@code ^} and {@code $} at line ends, {@code .} also
 * matching a line end. keepalived's other options have no java.util.regex equivalent and are
 * refused when the configuration is read. (java.util.regex's line ends are \n, \r\n, \r and
 * the byte 0x85; PCRE2's default is \n alone.)
 */
public enum RegexFlag {
    CASELESS(Pattern.CASE_INSENSITIVE),
    MULTILINE(Pattern.MULTILINE),
    DOTALL(Pattern.DOTALL);

    private final int patternFlag;

    RegexFlag(int patternFlag) {
        this.patternFlag = patternFlag;
    }

    /** keepalived's spelling ({@code caseless}). */
    public String keyword() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The flag for keepalived's spelling; IllegalArgumentException for any other word. */
    public static RegexFlag of(String keyword) {
        for (RegexFlag f : values()) {
            if (f.keyword().equals(keyword)) {
                return f;
            }
        }
        throw new IllegalArgumentException("regex_options " + keyword
                + " has no java.util.regex equivalent");
    }

    /** The {@link Pattern#compile(String, int)} flags of {@code flags}. */
    public static int patternFlags(Set<RegexFlag> flags) {
        int bits = 0;
        for (RegexFlag f : flags) {
            bits |= f.patternFlag;
        }
        return bits;
    }
}
