package org.lvsd.vrrp.fsm;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.lvsd.vrrp.codec.VrrpAdvert;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.time.Scheduler;
import org.lvsd.vrrp.track.TrackerKind;
import org.lvsd.vrrp.track.TrackerSet;
import org.lvsd.vrrp.track.TrackerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One VRRP instance: the RFC 5798 §6.4 state machine with keepalived's behaviour (reference
 * §2.2-§2.14). Inputs: {@link #start()}, {@link #stop()}, accepted adverts
 * ({@link #onAdvert}, after {@code org.lvsd.vrrp.rx} checks), tracker changes and timers.
 * Not thread-safe: call it on the scheduler's thread only.
 */
public final class VrrpInstance {

    private static final Logger LOG = LoggerFactory.getLogger(VrrpInstance.class);

    private enum Phase { NEW, DELAYED, RUNNING, STOPPED }

    private final InstanceParams params;
    private final VrrpActions actions;
    private final Scheduler scheduler;
    private final TrackerSet trackers;
    private final AnnounceSchedule announcer;
    private final InstanceCounters counters = new InstanceCounters();
    private final InstanceTimers timers;
    private final PreemptDelay preemptDelay;

    private Phase phase = Phase.NEW;
    private VrrpState state = VrrpState.INIT;
    private int effectivePriority;
    private Scheduler.Cancellable startupTimer;
    private SyncGroup group;
    private String groupFault;
    private boolean wantsMaster;

    public VrrpInstance(InstanceParams params, VrrpActions actions, Scheduler scheduler) {
        this.params = params;
        this.actions = actions;
        this.scheduler = scheduler;
        this.trackers = new TrackerSet(params.trackers());
        this.announcer = new AnnounceSchedule(params.garp(), actions, scheduler);
        this.timers = new InstanceTimers(params, scheduler);
        this.preemptDelay = new PreemptDelay(scheduler, params.preemptDelay());
        this.effectivePriority = trackers.effectivePriority(params.priority());
    }

    public String name() {
        return params.name();
    }

    public InstanceParams params() {
        return params;
    }

    public VrrpState state() {
        return state;
    }

    /** Base priority adjusted by trackers (keepalived reference §2.14). */
    public int effectivePriority() {
        return effectivePriority;
    }

    /** RFC 5798 §6.1 Master_Adver_Interval: our own, or in a v3 backup the master's. */
    public Duration masterAdverInterval() {
        return timers.masterAdverInterval();
    }

    public InstanceCounters counters() {
        return counters;
    }

    /** RFC 5798 §6.4.1 Startup event, after the optional startup delay. */
    public void start() {
        if (phase != Phase.NEW) {
            throw new IllegalStateException(name() + " already started");
        }
        if (params.startupDelay().compareTo(Duration.ZERO) > 0) {
            phase = Phase.DELAYED;
            startupTimer = scheduler.schedule(params.startupDelay(), this::initialise);
        } else {
            initialise();
        }
    }

    /**
     * RFC 5798 §6.4.3 Shutdown event: a MASTER sends a priority-0 advert, then removes its VIPs.
     * The advert is the first thing done: the backup's takeover clock (Skew_Time) starts when it
     * arrives, and every timer cancelled after it runs on this same thread, so none can fire in
     * between.
     */
    public void stop() {
        if (phase == Phase.STOPPED) {
            return;
        }
        phase = Phase.STOPPED;
        if (state == VrrpState.MASTER) {
            releaseMastership();
        }
        if (startupTimer != null) {
            startupTimer.cancel();
        }
        timers.cancelDown();
        if (state != VrrpState.INIT) {
            changeState(VrrpState.INIT, "stop requested", false);
        }
    }

    /** An advert that passed the receive checks, from {@code source}. */
    public void onAdvert(VrrpAdvert advert, InetAddress source) {
        if (phase != Phase.RUNNING || state == VrrpState.INIT || state == VrrpState.FAULT) {
            // keepalived reference §2.3: adverts in FAULT or INIT are ignored.
            counters.advertsIgnored.incrementAndGet();
            return;
        }
        counters.advertsProcessed.incrementAndGet();
        if (advert.priority() == 0) {
            counters.priorityZeroReceived.incrementAndGet();
        }
        if (state == VrrpState.BACKUP) {
            backupReceived(advert, source);
        } else {
            masterReceived(advert, source);
        }
    }

    /**
     * Someone else deleted one of our VIPs while we are MASTER (keepalived reference §2.13,
     * external VIP deletion): release with a priority-0 advert, remove the rest, and fall back to
     * BACKUP with a Skew_Time down timer so a quick re-election follows. Ignored in other states.
     */
    public void onVipsLostExternally(String what) {
        if (phase != Phase.RUNNING || state != VrrpState.MASTER) {
            return;
        }
        releaseMastership();
        preemptDelay.reset();
        armDownTimer(timers.skewMicros(effectivePriority), "master down timer expired");
        changeState(VrrpState.BACKUP, what, true);
    }

    /** A tracked object changed (trackers not configured for this instance are ignored). */
    public void onTrackerStatus(TrackerKind kind, String name, TrackerStatus status) {
        if (!trackers.update(kind, name, status)) {
            return;
        }
        int before = effectivePriority;
        effectivePriority = trackers.effectivePriority(params.priority());
        String cause = trackers.describe(kind, name);
        if (before != effectivePriority) {
            LOG.info("{}: effective priority {} -> {} ({})", name(), before, effectivePriority, cause);
            actions.priorityChanged(state, before, effectivePriority);
        }
        if (group != null) {
            group.refreshFaults();
            group.settle(cause);
        } else {
            settle(cause);
        }
        if (before != effectivePriority && state == VrrpState.BACKUP && timers.downTimerArmed()) {
            // keepalived reference §2.14: a priority change re-arms the down timer.
            armDownTimer(timers.masterDownMicros(effectivePriority), "master down timer expired");
        }
    }

    // ---- receive paths ----

    /** RFC 5798 §6.4.2 (Backup), with keepalived's preempt_delay (reference §2.3, §2.6). */
    private void backupReceived(VrrpAdvert advert, InetAddress source) {
        if (advert.priority() == 0) {
            // RFC 5798 §6.4.2: Master_Down_Timer = Skew_Time.
            armDownTimer(timers.skewMicros(effectivePriority),
                    "master " + source.getHostAddress() + " released (priority 0)");
            return;
        }
        boolean lower = advert.priority() < effectivePriority;
        if (!params.preempt() || !lower || preemptDelay.holds()) {
            timers.adopt(advert);
            armDownTimer(timers.masterDownMicros(effectivePriority), "master down timer expired");
            if (!lower) {
                preemptDelay.reset();
            }
        } else {
            LOG.debug("{}: lower priority {} advert from {} discarded", name(), advert.priority(),
                    source.getHostAddress());
        }
    }

    /** RFC 5798 §6.4.3 (Master), with RFC 9568's answer to lower priorities (reference §2.4). */
    private void masterReceived(VrrpAdvert advert, InetAddress source) {
        String from = source.getHostAddress();
        if (advert.priority() == 0) {
            sendAdvert(effectivePriority);
            return;
        }
        if (advert.priority() == InstanceParams.OWNER_PRIORITY && effectivePriority == InstanceParams.OWNER_PRIORITY) {
            // Reference §2.4 (RFC 9568 erratum 8298): two owners; the lower address yields below.
            LOG.error("{}: {} also claims priority 255 (address owner): configuration error", name(), from);
        }
        int byAddress = Arrays.compareUnsigned(source.getAddress(), params.primaryAddress().getAddress());
        if (advert.priority() > effectivePriority) {
            yieldTo(advert, "higher priority " + advert.priority() + " from " + from);
        } else if (advert.priority() == effectivePriority && byAddress > 0) {
            yieldTo(advert, "equal priority " + advert.priority() + " from higher address " + from);
        } else if (advert.priority() == effectivePriority && byAddress == 0) {
            LOG.warn("{}: advert with our own priority {} and address {}", name(), advert.priority(), from);
        } else {
            LOG.info("{}: lower priority {} advert from {}{}", name(), advert.priority(), from,
                    params.lowerPrioNoAdvert() ? "" : ", forcing new election");
            if (!params.lowerPrioNoAdvert()) {
                sendAdvert(effectivePriority);
            }
            announcer.lowerPriorityAdvert();
            if (group != null) {
                group.lowerPriorityAdvert(this);
            }
            actions.masterReceivedLowerPriority(source, advert.priority());
        }
    }

    private void yieldTo(VrrpAdvert advert, String reason) {
        if (params.higherPrioSendAdvert()) {
            sendAdvert(effectivePriority);
        }
        timers.adopt(advert);
        leaveMaster(reason, true);
    }

    // ---- transitions ----

    private void initialise() {
        startupTimer = null;
        phase = Phase.RUNNING;
        Optional<String> fault = currentFault();
        if (fault.isPresent()) {
            actions.removeVips();
            enterFault(fault.get());
        } else if (params.masterAtStart()) {
            // RFC 5798 §6.4.1 and reference §2.2: an owner configured MASTER goes to Master at once;
            // any other instance, state MASTER or not, waits a full Master_Down_Interval.
            becomeMaster("address owner (priority 255)", true);
        } else {
            // keepalived reference §6 #14: stale VIPs from an unclean exit are removed.
            actions.removeVips();
            enterBackup("started", timers.masterDownMicros(effectivePriority));
        }
    }

    /** RFC 5798 §6.4.1 / §6.4.2 transition to Master: advert first, then VIPs, then GARP. */
    private void becomeMaster(String reason, boolean propagate) {
        timers.cancelDown();
        preemptDelay.reset();
        timers.resetInterval();
        sendAdvert(effectivePriority);
        actions.addVips();
        announcer.becameMaster();
        timers.startAdverts(() -> sendAdvert(effectivePriority));
        counters.becameMaster.incrementAndGet();
        changeState(VrrpState.MASTER, reason, propagate);
    }

    /** MASTER to BACKUP without a priority-0 advert (reference §2.4 higher-priority path). */
    private void leaveMaster(String reason, boolean propagate) {
        stopMastering();
        actions.removeVips();
        enterBackup(reason, timers.masterDownMicros(effectivePriority), propagate);
    }

    private void enterBackup(String reason, long downMicros) {
        enterBackup(reason, downMicros, false);
    }

    private void enterBackup(String reason, long downMicros, boolean propagate) {
        preemptDelay.reset();
        armDownTimer(downMicros, "master down timer expired");
        changeState(VrrpState.BACKUP, reason, propagate);
    }

    /** Reference §2.13 entry: a MASTER sends priority 0 and removes its VIPs; timers stop. */
    private void enterFault(String reason) {
        timers.cancelDown();
        if (state == VrrpState.MASTER) {
            releaseMastership();
        }
        changeState(VrrpState.FAULT, reason, false);
    }

    /**
     * Reference §2.13 exit: BACKUP with a fresh down timer; an owner that wants MASTER
     * ({@code state MASTER}) waits only interval + skew (§2.2 "Startup").
     */
    private void leaveFault(String reason) {
        timers.resetInterval();
        long down = params.masterAtStart()
                ? timers.ownIntervalMicros() + timers.skewMicros(effectivePriority)
                : timers.masterDownMicros(effectivePriority);
        enterBackup(reason, down);
    }

    /** Priority 0 first (RFC 5798 §6.4.3: the backups start Skew_Time on it), then the rest. */
    private void releaseMastership() {
        sendAdvert(0);
        stopMastering();
        actions.removeVips();
    }

    private void stopMastering() {
        timers.stopAdverts();
        announcer.cancelAll();
        counters.releasedMaster.incrementAndGet();
    }

    private void changeState(VrrpState to, String reason, boolean propagate) {
        VrrpState from = state;
        state = to;
        wantsMaster = false;
        LOG.info("{}: {} -> {} ({})", name(), from, to, reason);
        actions.notify(new Transition(name(), from, to, effectivePriority, reason));
        if (propagate && group != null) {
            group.memberChanged(this, to);
        }
    }

    private void armDownTimer(long micros, String reason) {
        wantsMaster = false;
        timers.armDown(micros, () -> downTimerExpired(reason));
    }

    /**
     * Reference §2.11: a sync-group member goes MASTER only when every other member wants to
     * as well ("prefer backup to avoid thrashing"); otherwise it waits one more advert interval
     * plus skew and asks again.
     */
    private void downTimerExpired(String reason) {
        if (group != null && !group.othersWantMaster(this)) {
            wantsMaster = true;
            LOG.info("{}: {}, waiting for sync group {}", name(), reason, group.name());
            timers.armDown(timers.ownIntervalMicros() + timers.skewMicros(effectivePriority),
                    () -> downTimerExpired(reason));
            return;
        }
        becomeMaster(reason, true);
    }

    private void sendAdvert(int priority) {
        counters.advertsSent.incrementAndGet();
        if (priority == 0) {
            counters.priorityZeroSent.incrementAndGet();
        }
        actions.sendAdvert(priority);
    }

    // ---- sync group hooks (reference §2.11) ----

    void joinGroup(SyncGroup syncGroup) {
        if (group != null) {
            throw new IllegalStateException(name() + " is already in sync group " + group.name());
        }
        group = syncGroup;
    }

    /** Fault caused by this instance's own trackers. */
    Optional<String> ownFault() {
        return trackers.faultReason();
    }

    void setGroupFault(String reason) {
        groupFault = reason;
    }

    private Optional<String> currentFault() {
        return trackers.faultReason().or(() -> Optional.ofNullable(groupFault));
    }

    /** Moves into or out of FAULT to match the tracker and group fault conditions. */
    void settle(String cause) {
        if (phase != Phase.RUNNING) {
            return;
        }
        Optional<String> fault = currentFault();
        if (fault.isPresent() && state != VrrpState.FAULT) {
            enterFault(fault.get());
        } else if (fault.isEmpty() && state == VrrpState.FAULT) {
            leaveFault(cause);
        }
    }

    /** MASTER already, or Master_Down_Timer expired and held back by the group. */
    boolean wantsMaster() {
        return state == VrrpState.MASTER || wantsMaster;
    }

    void forceMaster(String reason) {
        if (phase == Phase.RUNNING && state == VrrpState.BACKUP) {
            becomeMaster(reason, false);
        }
    }

    void forceBackup(String reason) {
        if (phase == Phase.RUNNING && state == VrrpState.MASTER) {
            leaveMaster(reason, false);
        }
    }

    void announceLowerPriority() {
        if (state == VrrpState.MASTER) {
            announcer.lowerPriorityAdvert();
        }
    }
}
