package org.lvsd.ipvs.format;

/** Which columns ipvsadm -L prints for destinations (one of its mutually exclusive format options). */
public enum ListFormat {
    /** Forward, Weight, ActiveConn, InActConn. */
    DEFAULT,
    /** --stats: Conns, InPkts, OutPkts, InBytes, OutBytes. */
    STATS,
    /** --rate: CPS, InPPS, OutPPS, InBPS, OutBPS. */
    RATE,
    /** --thresholds: Uthreshold, Lthreshold, ActiveConn, InActConn. */
    THRESHOLDS,
    /** --persistent-conn: Weight, PersistConn, ActiveConn, InActConn. */
    PERSISTENT_CONN,
    /** --tun-info: Forward, TunnelInfo, Weight, ActiveConn, InActConn. */
    TUN_INFO
}
