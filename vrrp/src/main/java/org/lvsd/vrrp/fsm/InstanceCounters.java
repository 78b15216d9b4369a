package org.lvsd.vrrp.fsm;

import java.util.concurrent.atomic.AtomicLong;

/** Per-instance statistics (keepalived reference §4.8); readable from any thread. */
public final class InstanceCounters {

    final AtomicLong advertsSent = new AtomicLong();
    final AtomicLong advertsProcessed = new AtomicLong();
    final AtomicLong advertsIgnored = new AtomicLong();
    final AtomicLong becameMaster = new AtomicLong();
    final AtomicLong releasedMaster = new AtomicLong();
    final AtomicLong priorityZeroSent = new AtomicLong();
    final AtomicLong priorityZeroReceived = new AtomicLong();

    public long advertsSent() {
        return advertsSent.get();
    }

    /** Accepted adverts handled in BACKUP or MASTER. */
    public long advertsProcessed() {
        return advertsProcessed.get();
    }

    /** Accepted adverts that arrived in INIT or FAULT and were ignored. */
    public long advertsIgnored() {
        return advertsIgnored.get();
    }

    public long becameMaster() {
        return becameMaster.get();
    }

    public long releasedMaster() {
        return releasedMaster.get();
    }

    public long priorityZeroSent() {
        return priorityZeroSent.get();
    }

    public long priorityZeroReceived() {
        return priorityZeroReceived.get();
    }
}
