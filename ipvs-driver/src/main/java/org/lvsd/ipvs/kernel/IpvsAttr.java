package org.lvsd.ipvs.kernel;

/**
 * Attribute numbers of family IPVS, one nested class per attribute space of
 * include/uapi/linux/ip_vs.h. Wire types (from ip_vs_ctl.c's policies) are given per attribute.
 */
public final class IpvsAttr {
    /** {@code IPVS_GENL_NAME}. */
    public static final String FAMILY = "IPVS";
    /** {@code IPVS_GENL_VERSION}. */
    public static final int VERSION = 1;

    private IpvsAttr() {
    }

    /** First-level attributes, {@code IPVS_CMD_ATTR_*}. */
    public static final class Cmd {
        /** Nested service. */
        public static final int SERVICE = 1;
        /** Nested destination. */
        public static final int DEST = 2;
        /** Nested sync daemon. */
        public static final int DAEMON = 3;
        /** u32 TCP established timeout, seconds. */
        public static final int TIMEOUT_TCP = 4;
        /** u32 TCP FIN_WAIT timeout, seconds. */
        public static final int TIMEOUT_TCP_FIN = 5;
        /** u32 UDP timeout, seconds. */
        public static final int TIMEOUT_UDP = 6;

        private Cmd() {
        }
    }

    /** Service attributes, {@code IPVS_SVC_ATTR_*}. */
    public static final class Svc {
        /** u16 address family. */
        public static final int AF = 1;
        /** u16 IPPROTO_*. */
        public static final int PROTOCOL = 2;
        /** 16 bytes, union nf_inet_addr. */
        public static final int ADDR = 3;
        /** be16 port. */
        public static final int PORT = 4;
        /** u32 firewall mark. */
        public static final int FWMARK = 5;
        /** NUL-terminated scheduler name, at most 15 characters. */
        public static final int SCHED_NAME = 6;
        /** struct ip_vs_flags: u32 flags, u32 mask. */
        public static final int FLAGS = 7;
        /** u32 persistence timeout, seconds. */
        public static final int TIMEOUT = 8;
        /** be32 IPv4 mask, or u32 IPv6 prefix length. */
        public static final int NETMASK = 9;
        /** Nested 32-bit statistics. */
        public static final int STATS = 10;
        /** NUL-terminated persistence engine name. */
        public static final int PE_NAME = 11;
        /** Nested 64-bit statistics. */
        public static final int STATS64 = 12;

        private Svc() {
        }
    }

    /** Destination attributes, {@code IPVS_DEST_ATTR_*}. */
    public static final class Dest {
        /** 16 bytes, union nf_inet_addr. */
        public static final int ADDR = 1;
        /** be16 port. */
        public static final int PORT = 2;
        /** u32 IP_VS_CONN_F_* forwarding method. */
        public static final int FWD_METHOD = 3;
        /** u32 weight. */
        public static final int WEIGHT = 4;
        /** u32 upper connection threshold. */
        public static final int U_THRESH = 5;
        /** u32 lower connection threshold. */
        public static final int L_THRESH = 6;
        /** u32 active connections (replies). */
        public static final int ACTIVE_CONNS = 7;
        /** u32 inactive connections (replies). */
        public static final int INACT_CONNS = 8;
        /** u32 persistent connections (replies). */
        public static final int PERSIST_CONNS = 9;
        /** Nested 32-bit statistics. */
        public static final int STATS = 10;
        /** u16 address family of the destination. */
        public static final int ADDR_FAMILY = 11;
        /** Nested 64-bit statistics. */
        public static final int STATS64 = 12;
        /** u8 tunnel type. */
        public static final int TUN_TYPE = 13;
        /** be16 tunnel (GUE) port. */
        public static final int TUN_PORT = 14;
        /** u16 IP_VS_TUNNEL_ENCAP_FLAG_*. */
        public static final int TUN_FLAGS = 15;

        private Dest() {
        }
    }

    /** Sync daemon attributes, {@code IPVS_DAEMON_ATTR_*}. */
    public static final class Daemon {
        /** u32 IP_VS_STATE_MASTER or IP_VS_STATE_BACKUP. */
        public static final int STATE = 1;
        /** NUL-terminated multicast interface name, at most 15 characters. */
        public static final int MCAST_IFN = 2;
        /** u32 sync id. */
        public static final int SYNC_ID = 3;
        /** u16 UDP payload size. */
        public static final int SYNC_MAXLEN = 4;
        /** IPv4 multicast group, 4 bytes in network order. */
        public static final int MCAST_GROUP = 5;
        /** IPv6 multicast group, 16 bytes. */
        public static final int MCAST_GROUP6 = 6;
        /** u16 multicast port, host order. */
        public static final int MCAST_PORT = 7;
        /** u8 multicast TTL. */
        public static final int MCAST_TTL = 8;

        private Daemon() {
        }
    }

    /** Statistics attributes, {@code IPVS_STATS_ATTR_*} (u32 or u64 in STATS, u64 in STATS64). */
    public static final class Stats {
        /** Connections scheduled. */
        public static final int CONNS = 1;
        /** Incoming packets. */
        public static final int INPKTS = 2;
        /** Outgoing packets. */
        public static final int OUTPKTS = 3;
        /** Incoming bytes (u64 in both nests). */
        public static final int INBYTES = 4;
        /** Outgoing bytes (u64 in both nests). */
        public static final int OUTBYTES = 5;
        /** Connection rate. */
        public static final int CPS = 6;
        /** Incoming packet rate. */
        public static final int INPPS = 7;
        /** Outgoing packet rate. */
        public static final int OUTPPS = 8;
        /** Incoming byte rate. */
        public static final int INBPS = 9;
        /** Outgoing byte rate. */
        public static final int OUTBPS = 10;
        /** Alignment padding before 64-bit values ({@code nla_put_u64_64bit}); carries nothing. */
        public static final int PAD = 11;

        private Stats() {
        }
    }

    /** GET_INFO reply attributes, {@code IPVS_INFO_ATTR_*} (top level). */
    public static final class Info {
        /** u32 version, 0x010201 for 1.2.1. */
        public static final int VERSION = 1;
        /** u32 connection hash table size. */
        public static final int CONN_TAB_SIZE = 2;

        private Info() {
        }
    }
}
