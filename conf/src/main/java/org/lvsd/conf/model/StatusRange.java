package org.lvsd.conf.model;

/**
 * One element of {@code status_code}: a code or an inclusive range {@code 200-299}.
 *
 * @param from lowest code
 * @param to highest code
 */
public record StatusRange(int from, int to) {

    public boolean contains(int code) {
        return code >= from && code <= to;
    }

    @Override
    public String toString() {
        return from == to ? Integer.toString(from) : from + "-" + to;
    }
}
