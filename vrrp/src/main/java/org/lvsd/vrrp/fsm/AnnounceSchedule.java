package org.lvsd.vrrp.fsm;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lvsd.vrrp.config.GarpParams;
import org.lvsd.vrrp.time.Scheduler;

/**
 * When a MASTER sends gratuitous ARP / unsolicited NA (RFC 5798 §6.4.1 (ii) and §6.4.2 (ii),
 * RFC 9568 §6.4.3; keepalived reference §2.10): a burst on becoming MASTER, a second burst
 * after {@code garp_master_delay}, optional periodic refresh, and bursts answering
 * lower-priority adverts. All pending bursts are cancelled when mastership ends.
 */
final class AnnounceSchedule {

    private final GarpParams garp;
    private final VrrpActions actions;
    private final Scheduler scheduler;
    private final List<Scheduler.Cancellable> pending = new ArrayList<>();

    AnnounceSchedule(GarpParams garp, VrrpActions actions, Scheduler scheduler) {
        this.garp = garp;
        this.actions = actions;
        this.scheduler = scheduler;
    }

    /** On becoming MASTER, after the VIPs were added. */
    void becameMaster() {
        burst(garp.masterRepeat(), garp.masterDelay());
        if (garp.masterRefresh().compareTo(Duration.ZERO) > 0 && garp.masterRefreshRepeat() > 0) {
            scheduleRefresh();
        }
    }

    /** A MASTER heard a lower-priority advert: refresh the peers' ARP caches. */
    void lowerPriorityAdvert() {
        burst(garp.lowerPrioRepeat(), garp.lowerPrioDelay());
    }

    void cancelAll() {
        pending.forEach(Scheduler.Cancellable::cancel);
        pending.clear();
    }

    private void burst(int repeat, Duration secondAfter) {
        if (repeat <= 0) {
            return;
        }
        actions.announce(repeat);
        if (secondAfter.compareTo(Duration.ZERO) > 0) {
            later(secondAfter, () -> actions.announce(repeat));
        }
    }

    private void scheduleRefresh() {
        later(garp.masterRefresh(), () -> {
            actions.announce(garp.masterRefreshRepeat());
            scheduleRefresh();
        });
    }

    private void later(Duration delay, Runnable body) {
        Scheduler.Cancellable[] self = new Scheduler.Cancellable[1];
        self[0] = scheduler.schedule(delay, () -> {
            pending.remove(self[0]);
            body.run();
        });
        pending.add(self[0]);
    }
}
