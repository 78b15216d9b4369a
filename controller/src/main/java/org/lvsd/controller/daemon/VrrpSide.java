package org.lvsd.controller.daemon;

import java.util.List;

import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.controller.control.InstanceStatus;
import org.lvsd.controller.metrics.VrrpInstanceSnapshot;

/** What the rest of the daemon needs from its VRRP instances ({@link VrrpDaemon} runs them). */
interface VrrpSide {

    /** Every instance for {@code status}, in configuration order. */
    List<InstanceStatus> status();

    /** Every instance for the metrics and the stats dump. */
    List<VrrpInstanceSnapshot> snapshots();

    /** What {@link #apply} would do with {@code next}; changes nothing. */
    ReloadPlan plan(KeepalivedConfig next) throws StartupException;

    /** Makes the running instances those of {@code next}, per {@link ReloadPlan}. */
    ReloadPlan apply(KeepalivedConfig next) throws StartupException, InterruptedException;
}
