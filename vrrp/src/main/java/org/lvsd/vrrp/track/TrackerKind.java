package org.lvsd.vrrp.track;

/** What a tracker watches (keepalived {@code track_interface}, {@code track_script}, {@code track_file}). */
public enum TrackerKind {
    INTERFACE("interface"),
    SCRIPT("script"),
    FILE("file");

    private final String label;

    TrackerKind(String label) {
        this.label = label;
    }

    /** Word used in transition reasons, e.g. "tracked interface eth1 down". */
    public String label() {
        return label;
    }
}
