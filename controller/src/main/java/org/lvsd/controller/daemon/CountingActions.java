package org.lvsd.controller.daemon;

import java.net.InetAddress;
import java.util.concurrent.atomic.AtomicLong;

import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpActions;
import org.lvsd.vrrp.fsm.VrrpState;

/**
 * An instance's actions, counting the gratuitous ARPs / unsolicited NAs sent (one per VIP per
 * repeat, as {@code AnnouncingActions} sends them) for {@code lvsd_vrrp_gratuitous_arp_sent_total}.
 */
final class CountingActions implements VrrpActions {

    private final VrrpActions delegate;
    private final int vips;
    private final AtomicLong announcements = new AtomicLong();

    CountingActions(VrrpActions delegate, int vips) {
        this.delegate = delegate;
        this.vips = vips;
    }

    /** Announcement frames sent so far. */
    long announcements() {
        return announcements.get();
    }

    @Override
    public void sendAdvert(int priority) {
        delegate.sendAdvert(priority);
    }

    @Override
    public void announce(int repeat) {
        delegate.announce(repeat);
        announcements.addAndGet((long) repeat * vips);
    }

    @Override
    public void addVips() {
        delegate.addVips();
    }

    @Override
    public void removeVips() {
        delegate.removeVips();
    }

    @Override
    public void notify(Transition transition) {
        delegate.notify(transition);
    }

    @Override
    public void masterReceivedLowerPriority(InetAddress from, int priority) {
        delegate.masterReceivedLowerPriority(from, priority);
    }

    @Override
    public void priorityChanged(VrrpState state, int from, int to) {
        delegate.priorityChanged(state, from, to);
    }
}
