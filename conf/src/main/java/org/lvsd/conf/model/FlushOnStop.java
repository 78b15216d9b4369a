package org.lvsd.conf.model;

/** {@code lvs_flush_on_stop [VS]}: what to remove from IPVS at shutdown in one go. */
public enum FlushOnStop {
    /** Remove only what lvsd added, one entry at a time. */
    OFF,
    /** Flush the whole IPVS table. */
    ALL,
    /** Flush only the virtual servers lvsd configured. */
    VS
}
