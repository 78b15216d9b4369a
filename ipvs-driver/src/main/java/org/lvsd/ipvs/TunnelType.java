package org.lvsd.ipvs;

/** Tunnel encapsulations for the TUNNEL forwarding method, IP_VS_CONN_F_TUNNEL_TYPE_* in ip_vs.h. */
public enum TunnelType {
    IPIP(0, "ipip"),
    GUE(1, "gue"),
    GRE(2, "gre");

    private final int value;
    private final String label;

    TunnelType(int value, String label) {
        this.value = value;
        this.label = label;
    }

    /** The kernel's value. */
    public int value() {
        return value;
    }

    /** The ipvsadm name (--tun-type). */
    public String label() {
        return label;
    }

    /** The type of a kernel value. */
    public static TunnelType of(int value) {
        for (TunnelType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        throw new IllegalArgumentException("unknown tunnel type " + value);
    }
}
