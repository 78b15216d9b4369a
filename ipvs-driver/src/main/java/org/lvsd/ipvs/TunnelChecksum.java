package org.lvsd.ipvs;

/** Tunnel checksum options, IP_VS_TUNNEL_ENCAP_FLAG_* in ip_vs.h. */
public enum TunnelChecksum {
    NOCSUM(0, "-c", "--tun-nocsum"),
    CSUM(1, "+c", "--tun-csum"),
    REMCSUM(2, "r+c", "--tun-remcsum");

    private final int value;
    private final String shortLabel;
    private final String option;

    TunnelChecksum(int value, String shortLabel, String option) {
        this.value = value;
        this.shortLabel = shortLabel;
        this.option = option;
    }

    /** The flag value. */
    public int value() {
        return value;
    }

    /** The short form in ipvsadm's --tun-info column ("-c", "+c", "r+c"). */
    public String shortLabel() {
        return shortLabel;
    }

    /** The ipvsadm option that selects it. */
    public String option() {
        return option;
    }

    /** The option of a kernel flags value (0, 1 or 2). */
    public static TunnelChecksum of(int value) {
        for (TunnelChecksum c : values()) {
            if (c.value == value) {
                return c;
            }
        }
        throw new IllegalArgumentException("unknown tunnel checksum flags " + value);
    }
}
