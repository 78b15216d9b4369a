package org.lvsd.ipvs.format;

import java.util.Objects;

/**
 * Options of an ipvsadm -Ln listing.
 *
 * @param format the column set
 * @param exact --exact: full numbers instead of K/M/G/T in --stats and --rate
 * @param sort false for --nosort (print in the driver's order)
 */
public record ListOptions(ListFormat format, boolean exact, boolean sort) {
    /** Plain {@code ipvsadm -Ln}. */
    public static final ListOptions DEFAULT = new ListOptions(ListFormat.DEFAULT, false, true);

    public ListOptions {
        Objects.requireNonNull(format, "format");
    }

    /** Sorted, not exact, with the given columns. */
    public static ListOptions of(ListFormat format) {
        return new ListOptions(format, false, true);
    }
}
