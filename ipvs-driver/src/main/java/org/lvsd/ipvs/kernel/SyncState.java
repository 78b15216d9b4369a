package org.lvsd.ipvs.kernel;

import org.lvsd.netlink.NetlinkProtocolException;

/** Role of a connection-sync daemon, {@code IP_VS_STATE_MASTER} / {@code IP_VS_STATE_BACKUP} in ip_vs.h. */
public enum SyncState {
    /** Sends connection updates ({@code ipvsadm --start-daemon master}). */
    MASTER(1),
    /** Receives them ({@code ipvsadm --start-daemon backup}). */
    BACKUP(2);

    private final int value;

    SyncState(int value) {
        this.value = value;
    }

    /** The kernel's value. */
    public int value() {
        return value;
    }

    /** The state with this value; a protocol exception for others. */
    public static SyncState valueOf(int value) {
        for (SyncState s : values()) {
            if (s.value == value) {
                return s;
            }
        }
        throw new NetlinkProtocolException("unknown sync daemon state " + value);
    }
}
