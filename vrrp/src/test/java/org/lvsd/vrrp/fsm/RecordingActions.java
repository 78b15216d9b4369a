package org.lvsd.vrrp.fsm;

import java.util.ArrayList;
import java.util.List;
import org.lvsd.vrrp.time.ManualScheduler;

/** Records every action as "ms.µs action" on the virtual clock, e.g. "3609.375 advert 100". */
final class RecordingActions implements VrrpActions {

    private final ManualScheduler clock;
    private final String prefix;
    final List<String> log;

    RecordingActions(ManualScheduler clock) {
        this(clock, "", new ArrayList<>());
    }

    /** Several instances can share one log, each line prefixed with the instance. */
    RecordingActions(ManualScheduler clock, String prefix, List<String> log) {
        this.clock = clock;
        this.prefix = prefix;
        this.log = log;
    }

    private void add(String what) {
        long micros = clock.elapsed().toNanos() / 1000;
        log.add(String.format("%d.%03d %s%s", micros / 1000, micros % 1000, prefix, what));
    }

    @Override
    public void sendAdvert(int priority) {
        add("advert " + priority);
    }

    @Override
    public void announce(int repeat) {
        add("announce " + repeat);
    }

    @Override
    public void addVips() {
        add("addVips");
    }

    @Override
    public void removeVips() {
        add("removeVips");
    }

    @Override
    public void notify(Transition t) {
        add(t.from() + "->" + t.to() + " prio " + t.priority() + " (" + t.reason() + ")");
    }

    @Override
    public void masterReceivedLowerPriority(java.net.InetAddress from, int priority) {
        add("lowerPriority " + priority + " from " + from.getHostAddress());
    }

    @Override
    public void priorityChanged(VrrpState state, int from, int to) {
        add("priority " + from + "->" + to + " in " + state);
    }

    /** Returns and forgets what was recorded so far. */
    List<String> drain() {
        List<String> out = List.copyOf(log);
        log.clear();
        return out;
    }
}
