package org.lvsd.healthcheck.decision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.decision.HealthEvent.QuorumLost;
import org.lvsd.healthcheck.decision.HealthEvent.QuorumRegained;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerDown;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerUp;
import org.lvsd.healthcheck.decision.HealthEvent.RealServerWeightChanged;
import org.lvsd.healthcheck.decision.HealthEvent.SorryServerIn;
import org.lvsd.healthcheck.decision.HealthEvent.SorryServerOut;
import org.lvsd.healthcheck.decision.PoolMembership.Member;
import org.lvsd.healthcheck.spec.CheckerSpec;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.SorryServerSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

/**
 * The health state of one virtual server's pool. Pure: time comes in as arguments, results
 * come in through {@link #record}, transitions go out as {@link HealthEvent} lists. Not
 * thread-safe; callers serialise access.
 */
public final class PoolDecision {

    private final VirtualServerSpec spec;
    private final Map<RealServerId, RealServerState> servers;
    private boolean quorumUp;
    /** Sum of the effective weights of the up servers, kept current by every change. */
    private long aliveWeight;

    private PoolDecision(VirtualServerSpec spec, Map<RealServerId, RealServerState> servers,
                         boolean quorumUp) {
        this.spec = spec;
        this.servers = servers;
        this.quorumUp = quorumUp;
        this.aliveWeight = sumAliveWeight();
    }

    /**
     * A fresh pool: non-alpha checkers start up, alpha checkers down. Call {@link #evaluate}
     * next for the initial quorum decision.
     */
    public static PoolDecision create(VirtualServerSpec spec, Instant now) {
        Map<RealServerId, RealServerState> servers = new LinkedHashMap<>();
        for (RealServerSpec rs : spec.realServers()) {
            servers.put(rs.id(), RealServerState.initial(rs, now));
        }
        return new PoolDecision(spec, servers, true);
    }

    /**
     * The pool for {@code newSpec} after a reload. Real servers kept by id keep their up/down
     * state, slow-start ramp and announced weight; each checker whose spec equals an old one
     * keeps its state; a new checker on a server that was down starts down (it needs one
     * success), otherwise it starts as configured. The quorum state carries over. Call
     * {@link #evaluate} next for the events the change causes.
     */
    public static PoolDecision reload(VirtualServerSpec newSpec, PoolDecision previous,
                                      Instant now) {
        Map<RealServerId, RealServerState> servers = new LinkedHashMap<>();
        for (RealServerSpec rs : newSpec.realServers()) {
            RealServerState old = previous.servers.get(rs.id());
            if (old == null) {
                servers.put(rs.id(), RealServerState.initial(rs, now));
                continue;
            }
            List<CheckerState> pool = new ArrayList<>(old.checkers());
            List<CheckerState> states = new ArrayList<>();
            for (CheckerSpec c : rs.checkers()) {
                CheckerState kept = takeEqual(pool, c);
                states.add(kept != null ? kept
                        : new CheckerState(c, old.up() && !c.timing().alpha()));
            }
            RealServerState state = new RealServerState(rs, states, old.up(), old.rampSince(),
                    now);
            state.announce(old.announcedWeight());
            servers.put(rs.id(), state);
        }
        return new PoolDecision(newSpec, servers, previous.quorumUp);
    }

    private static CheckerState takeEqual(List<CheckerState> pool, CheckerSpec spec) {
        for (int i = 0; i < pool.size(); i++) {
            if (pool.get(i).spec().equals(spec)) {
                return pool.remove(i);
            }
        }
        return null;
    }

    public VirtualServerSpec spec() {
        return spec;
    }

    public boolean quorumUp() {
        return quorumUp;
    }

    /** Whether the sorry server is in use (quorum lost and a sorry server configured). */
    public boolean sorryServerActive() {
        return !quorumUp && spec.sorryServer().isPresent();
    }

    public boolean up(RealServerId server) {
        return state(server).up();
    }

    /** Whether checker {@code index} of {@code server} is re-checking after a failure. */
    public boolean retrying(RealServerId server, int index) {
        return state(server).checkers().get(index).retrying();
    }

    /** Whether any server is in a slow-start ramp (then call {@link #tick} periodically). */
    public boolean ramping() {
        for (RealServerState s : servers.values()) {
            if (s.ramping()) {
                return true;
            }
        }
        return false;
    }

    /** Sum of the effective weights of the up real servers. */
    public int aliveWeight() {
        return (int) Math.min(Integer.MAX_VALUE, aliveWeight);
    }

    private long sumAliveWeight() {
        long sum = 0;
        for (RealServerState s : servers.values()) {
            sum += s.aliveWeight();
        }
        return sum;
    }

    private RealServerState state(RealServerId server) {
        RealServerState s = servers.get(server);
        if (s == null) {
            throw new IllegalArgumentException("unknown real server " + server);
        }
        return s;
    }

    /**
     * Records the result of checker {@code index} of {@code server} and brings that server and
     * the quorum in line (the cost does not grow with the pool; other servers' slow-start
     * ramps advance at {@link #tick}).
     */
    public List<HealthEvent> record(RealServerId server, int index, CheckResult result,
                                    Instant now) {
        return record(checker(server, index), result, now);
    }

    /**
     * Checker {@code index} of {@code server}, resolved once so that a caller recording many
     * results (PoolMonitor) needs no lookup per result.
     */
    public CheckerRef checker(RealServerId server, int index) {
        RealServerState s = state(server);
        if (index < 0 || index >= s.checkers().size()) {
            throw new IllegalArgumentException("no checker " + index + " on " + server);
        }
        return new CheckerRef(this, s, s.checkers().get(index));
    }

    /** As {@link #record(RealServerId, int, CheckResult, Instant)} for a resolved checker. */
    public List<HealthEvent> record(CheckerRef ref, CheckResult result, Instant now) {
        if (ref.owner != this) {
            throw new IllegalArgumentException("checker of another pool decision");
        }
        RealServerState s = ref.server;
        CheckerState c = ref.checker;
        long before = s.aliveWeight();
        c.record(result);
        List<HealthEvent> events = new ArrayList<>(0);
        evaluate(s, now, () -> c.spec().kind() + ": " + result.reason(), events);
        aliveWeight += s.aliveWeight() - before;
        evaluateQuorum(events);
        return events.isEmpty() ? List.of() : List.copyOf(events);
    }

    /** Advances slow-start ramps; emits weight changes. */
    public List<HealthEvent> tick(Instant now) {
        return evaluate(now, "slow start");
    }

    /**
     * Brings servers, weights and the quorum in line with the checkers' states and returns
     * the transitions, each attributed to {@code cause}.
     */
    public List<HealthEvent> evaluate(Instant now, String cause) {
        List<HealthEvent> events = new ArrayList<>();
        Supplier<String> why = () -> cause;
        for (RealServerState s : servers.values()) {
            evaluate(s, now, why, events);
        }
        aliveWeight = sumAliveWeight();
        evaluateQuorum(events);
        return List.copyOf(events);
    }

    /**
     * Brings one server in line with its checkers; {@code cause} is asked only when an event
     * needs it, so that a steady check builds no string.
     */
    private void evaluate(RealServerState s, Instant now, Supplier<String> cause,
                          List<HealthEvent> events) {
        boolean allUp = s.allCheckersUp();
        RealServerSpec rs = s.spec();
        String vs = spec.id();
        if (s.up() && !allUp) {
            s.setUp(false, now);
            s.announce(0);
            events.add(new RealServerDown(vs, rs.id(), s.failureReason(), rs.notifyDown()));
        } else if (!s.up() && allUp) {
            s.setUp(true, now);
            int w = s.currentWeight(now);
            s.announce(w);
            events.add(new RealServerUp(vs, rs.id(), w, cause.get(), rs.notifyUp()));
        } else if (s.up()) {
            int w = s.currentWeight(now);
            if (w != s.announcedWeight()) {
                events.add(new RealServerWeightChanged(vs, rs.id(), s.announcedWeight(), w,
                        cause.get()));
                s.announce(w);
            }
        }
    }

    /** keepalived's update_quorum_state: thresholds quorum ∓ hysteresis; a zero sum is lost. */
    private void evaluateQuorum(List<HealthEvent> events) {
        int alive = aliveWeight();
        Optional<SorryServerSpec> sorry = spec.sorryServer();
        if (quorumUp) {
            int threshold = spec.quorum() - spec.hysteresis();
            if (alive == 0 || alive < threshold) {
                quorumUp = false;
                String why = "alive weight " + alive + " < " + threshold;
                events.add(new QuorumLost(spec.id(), alive, threshold, why, spec.quorumDown()));
                sorry.ifPresent(s -> events.add(new SorryServerIn(spec.id(), s.id(),
                        "quorum lost: " + why)));
            }
        } else {
            int threshold = spec.quorum() + spec.hysteresis();
            if (alive > 0 && alive >= threshold) {
                quorumUp = true;
                String why = "alive weight " + alive + " >= " + threshold;
                events.add(new QuorumRegained(spec.id(), alive, threshold, why, spec.quorumUp()));
                sorry.ifPresent(s -> events.add(new SorryServerOut(spec.id(), s.id(),
                        "quorum regained: " + why)));
            }
        }
    }

    /**
     * The desired table for this virtual server at {@code now}. While the sorry server is in
     * use it is the only member with weight (1), inhibited real servers stay at weight 0.
     * Otherwise up servers carry their current weight, down inhibited ones weight 0, and an
     * inhibited sorry server weight 0.
     */
    public PoolMembership membership(Instant now) {
        List<Member> members = new ArrayList<>();
        boolean sorryActive = sorryServerActive();
        for (RealServerState s : servers.values()) {
            RealServerSpec rs = s.spec();
            if (!sorryActive && s.up()) {
                members.add(new Member(rs.id(), s.currentWeight(now), false));
            } else if (rs.inhibitOnFailure()) {
                members.add(new Member(rs.id(), 0, false));
            }
        }
        spec.sorryServer().ifPresent(sorry -> {
            if (sorryActive) {
                members.add(new Member(sorry.id(), 1, true));
            } else if (sorry.inhibit()) {
                members.add(new Member(sorry.id(), 0, true));
            }
        });
        return new PoolMembership(spec.id(), members);
    }

    /** A snapshot for status pages and metrics at {@code now}. */
    public PoolStatus status(Instant now) {
        List<PoolStatus.Server> list = new ArrayList<>();
        for (RealServerState s : servers.values()) {
            list.add(new PoolStatus.Server(s.spec().id(), s.up(),
                    s.up() ? s.currentWeight(now) : 0, s.failureReason()));
        }
        return new PoolStatus(spec.id(), quorumUp, sorryServerActive(), aliveWeight(), list);
    }

    /**
     * Shutdown events. With {@code omega}: a {@link RealServerDown} (with notify_down) for every
     * up server and a {@link QuorumLost} (with quorum_down) if the quorum was up. Without it,
     * none.
     */
    public List<HealthEvent> shutdown() {
        if (!spec.omega()) {
            return List.of();
        }
        List<HealthEvent> events = new ArrayList<>();
        for (RealServerState s : servers.values()) {
            if (s.up()) {
                events.add(new RealServerDown(spec.id(), s.spec().id(), "shutdown",
                        s.spec().notifyDown()));
            }
        }
        if (quorumUp) {
            events.add(new QuorumLost(spec.id(), 0, spec.quorum() - spec.hysteresis(),
                    "shutdown", spec.quorumDown()));
        }
        return List.copyOf(events);
    }

    /** One checker of one real server of a {@link PoolDecision} ({@link #checker}). */
    public static final class CheckerRef {

        private final PoolDecision owner;
        private final RealServerState server;
        private final CheckerState checker;

        private CheckerRef(PoolDecision owner, RealServerState server, CheckerState checker) {
            this.owner = owner;
            this.server = server;
            this.checker = checker;
        }

        /** Whether the checker is up but re-checking a failure (delay_before_retry). */
        public boolean retrying() {
            return checker.retrying();
        }

        /** Whether its real server is in a slow-start ramp. */
        public boolean serverRamping() {
            return server.ramping();
        }
    }
}
