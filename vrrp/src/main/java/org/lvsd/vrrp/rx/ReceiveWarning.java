package org.lvsd.vrrp.rx;

/** Accepted adverts that still deserve a (rate-limited) log line and a counter. */
public enum ReceiveWarning {
    /** Address list differs from our VIPs (RFC 5798 §7.1 says log; keepalived reference §2.9 #14). */
    VIP_MISMATCH,
    /** v3 interval differs from ours; a backup adopts it (RFC 5798 §6.4.2, reference §2.9 #10). */
    ADVERT_INTERVAL_DIFFERS
}
