package org.lvsd.ipvs;

/** Packet forwarding methods, IP_VS_CONN_F_* (masked by IP_VS_CONN_F_FWD_MASK) in ip_vs.h. */
public enum ForwardMethod {
    /** NAT, ipvsadm -m, listed as "Masq". */
    MASQ(0, "Masq", "-m"),
    /** Local node, listed as "Local"; saved by ipvsadm as -g. */
    LOCAL(1, "Local", "-g"),
    /** IP tunnelling, ipvsadm -i, listed as "Tunnel". */
    TUNNEL(2, "Tunnel", "-i"),
    /** Direct routing (gatewaying), ipvsadm -g, listed as "Route". */
    ROUTE(3, "Route", "-g");

    private final int flag;
    private final String label;
    private final String option;

    ForwardMethod(int flag, String label, String option) {
        this.flag = flag;
        this.label = label;
        this.option = option;
    }

    /** The IP_VS_CONN_F_* value. */
    public int flag() {
        return flag;
    }

    /** The "Forward" column text of ipvsadm -L. */
    public String label() {
        return label;
    }

    /** The ipvsadm switch used by -S. */
    public String option() {
        return option;
    }

    /** The method of an IP_VS_CONN_F_* value (masked with IP_VS_CONN_F_FWD_MASK, 0x7). */
    public static ForwardMethod ofFlag(int connFlags) {
        int fwd = connFlags & 0x7;
        for (ForwardMethod m : values()) {
            if (m.flag == fwd) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown forwarding method " + fwd);
    }
}
