package org.lvsd.ipvs.format;

/**
 * ipvsadm's print_largenum: right-aligned in 9 columns; without --exact, values of 100 million and
 * more are divided and suffixed K (below 1e9), M (below 1e11), G (below 1e14) or T. With --exact
 * the full value is printed at width max(9, digits + 1). Values are unsigned 64-bit.
 */
final class LargeNumber {
    private LargeNumber() {
    }

    static String format(long value, boolean exact) {
        String digits = Long.toUnsignedString(value);
        if (exact) {
            return pad(digits, digits.length() <= 8 ? 9 : digits.length() + 1);
        }
        if (Long.compareUnsigned(value, 100_000_000L) < 0) {
            return pad(digits, 9);
        }
        if (Long.compareUnsigned(value, 1_000_000_000L) < 0) {
            return pad(Long.toUnsignedString(Long.divideUnsigned(value, 1_000L)), 8) + "K";
        }
        if (Long.compareUnsigned(value, 100_000_000_000L) < 0) {
            return pad(Long.toUnsignedString(Long.divideUnsigned(value, 1_000_000L)), 8) + "M";
        }
        if (Long.compareUnsigned(value, 100_000_000_000_000L) < 0) {
            return pad(Long.toUnsignedString(Long.divideUnsigned(value, 1_000_000_000L)), 8) + "G";
        }
        return pad(Long.toUnsignedString(Long.divideUnsigned(value, 1_000_000_000_000L)), 8) + "T";
    }

    /** printf("%*s") right alignment. */
    static String pad(String s, int width) {
        return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
    }

    /** printf("%-*s") left alignment. */
    static String padRight(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
