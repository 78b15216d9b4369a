package org.lvsd.vrrp.codec;

/**
 * Why a received VRRP packet was refused. One counter per value is kept for metrics
 * (keepalived's per-instance packet and auth error counters, RFC 6527 statistics).
 */
public enum RejectReason {
    /** Fewer bytes than the fixed VRRP header (RFC 5798 §5.1). */
    TRUNCATED,
    /** Version field is neither 2 nor 3, or version 2 over IPv6 (RFC 3768 is IPv4 only). */
    BAD_VERSION,
    /** Type field is not ADVERTISEMENT (RFC 5798 §5.2.2). */
    BAD_TYPE,
    /** Length disagrees with Count IPvX Addr (RFC 5798 §7.1, RFC 3768 §7.1). */
    LENGTH_MISMATCH,
    /** Checksum does not verify (RFC 5798 §5.2.8, RFC 3768 §5.3.8). */
    BAD_CHECKSUM,
    /** Version 2 authentication type outside 0..2 (RFC 3768 §5.3.6). */
    BAD_AUTH_TYPE,
    /** Version 2 authentication type 2, IP Authentication Header, which lvsd does not implement. */
    AUTH_AH_UNSUPPORTED,
    /** TTL / hop limit other than 255 for multicast, or outside the unicast range (RFC 5798 §7.1). */
    BAD_TTL,
    /** Version differs from the instance's configured version (RFC 5798 §7.1). */
    VERSION_MISMATCH,
    /** Address family differs from the instance's family. */
    FAMILY_MISMATCH,
    /** Multicast advert for a unicast instance or the reverse (keepalived reference §2.9 #12). */
    MODE_MISMATCH,
    /** Unicast advert from an address that is not a configured peer (keepalived check_unicast_src). */
    UNKNOWN_PEER,
    /** VRID not configured for this instance (RFC 5798 §7.1). */
    UNKNOWN_VRID,
    /** Version 2 authentication type differs from the configured one (RFC 3768 §7.1). */
    AUTH_TYPE_MISMATCH,
    /** Version 2 simple-text password differs (RFC 2338 §5.3.6.1, RFC 3768 §7.1). */
    AUTH_FAILURE,
    /** Version 2 advert interval differs from the local one (RFC 3768 §7.1). */
    ADVERT_INTERVAL_MISMATCH
}
