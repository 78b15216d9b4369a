package org.lvsd.vrrp.track;

import java.util.Objects;

/**
 * One tracked object of an instance.
 *
 * @param name    interface, script or file name, unique per kind within an instance
 * @param kind    what is tracked
 * @param weight  interface/script: -253..253; file: -254..254 (multiplies the file value);
 *                0 = FAULT while down
 * @param reverse swap up and down (for files: negate the weight)
 */
public record TrackerSpec(String name, TrackerKind kind, int weight, boolean reverse) {

    public TrackerSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
        int limit = kind == TrackerKind.FILE ? 254 : 253;
        if (weight < -limit || weight > limit) {
            throw new IllegalArgumentException(kind.label() + " " + name + ": weight " + weight
                    + " outside -" + limit + ".." + limit);
        }
    }

    public static TrackerSpec iface(String name, int weight) {
        return new TrackerSpec(name, TrackerKind.INTERFACE, weight, false);
    }

    public static TrackerSpec script(String name, int weight, boolean reverse) {
        return new TrackerSpec(name, TrackerKind.SCRIPT, weight, reverse);
    }

    public static TrackerSpec file(String name, int weight, boolean reverse) {
        return new TrackerSpec(name, TrackerKind.FILE, weight, reverse);
    }
}
