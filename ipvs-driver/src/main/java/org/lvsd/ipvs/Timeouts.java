package org.lvsd.ipvs;

/**
 * The three timeouts ipvsadm --set / -L --timeout handle, in seconds: TCP ESTABLISHED, TCP
 * FIN_WAIT and UDP. When setting, 0 means "leave unchanged" (ip_vs_set_timeout).
 */
public record Timeouts(int tcp, int tcpFin, int udp) {
    /** The kernel defaults: 15 min, 2 min, 5 min. */
    public static final Timeouts DEFAULT = new Timeouts(900, 120, 300);
}
