package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.config.GarpParams;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpActions;
import org.lvsd.vrrp.fsm.VrrpInstance;
import org.lvsd.vrrp.fsm.VrrpState;

/**
 * The stop hand-off of a signal: it queues each instance's stop on the instance's own loop and
 * returns without waiting for any loop; on the loop a MASTER sends priority 0 first, then removes
 * its VIPs. Loops are held on a latch, so nothing depends on timing.
 */
class StopHandoffTest {

    private final List<Loop> loops = new ArrayList<>();

    @AfterEach
    void closeLoops() {
        loops.forEach(Loop::close);
    }

    /** Every action with the thread it ran on. */
    private static final class Recording implements VrrpActions {
        final List<String> seen = Collections.synchronizedList(new ArrayList<>());

        private void add(String what) {
            seen.add(Thread.currentThread().getName() + ": " + what);
        }

        @Override
        public void sendAdvert(int priority) {
            add("advert priority " + priority);
        }

        @Override
        public void announce(int repeat) {
            add("announce");
        }

        @Override
        public void addVips() {
            add("add VIPs");
        }

        @Override
        public void removeVips() {
            add("remove VIPs");
        }

        @Override
        public void notify(Transition t) {
            add(t.from() + " -> " + t.to());
        }
    }

    private Loop loop(String name) {
        Loop l = new Loop(name);
        loops.add(l);
        return l;
    }

    /**
     * An address owner ({@code state MASTER}, priority 255): MASTER as soon as it starts; with
     * the longest advert interval and no second GARP burst, so no timer adds an action of its own.
     */
    private static VrrpInstance masterOn(Loop loop, String name, Recording actions) throws Exception {
        InstanceParams p = InstanceParams.builder(name, 51, InetAddress.getByName("198.51.100.2"))
                .priority(InstanceParams.OWNER_PRIORITY).initialMaster(true).advertInterval(Duration.ofSeconds(255))
                .garp(new GarpParams(Duration.ZERO, 1, Duration.ZERO, 1, Duration.ZERO, 1))
                .vips(List.of(InetAddress.getByName("198.51.100.100"))).build();
        VrrpInstance vi = new VrrpInstance(p, actions, loop.scheduler());
        onLoop(loop, vi::start);
        assertEquals(VrrpState.MASTER, loop.executor().submit(vi::state).get(5, TimeUnit.SECONDS));
        actions.seen.clear();
        return vi;
    }

    private static void onLoop(Loop loop, Runnable task) throws InterruptedException, ExecutionException,
            TimeoutException {
        loop.executor().submit(task).get(5, TimeUnit.SECONDS);
    }

    @Test
    void queuesEachStopOnItsLoopWithoutWaitingForAny() throws Exception {
        Loop busy = loop("busy");
        Loop free = loop("free");
        Recording busyActions = new Recording();
        Recording freeActions = new Recording();
        VrrpInstance first = masterOn(busy, "VI_1", busyActions);
        VrrpInstance second = masterOn(free, "VI_2", freeActions);
        CountDownLatch gate = new CountDownLatch(1);
        busy.executor().execute(() -> {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        StopHandoff handoff = new StopHandoff();
        handoff.set(List.of(new StopHandoff.Target(busy.executor(), first::stop),
                new StopHandoff.Target(free.executor(), second::stop)));

        assertEquals(2, handoff.handOff());

        // The hand-off returned while "busy" is still held: it waited for no loop, ran nothing itself,
        // and VI_2's loop stopped VI_2 without waiting behind VI_1's.
        onLoop(free, () -> { });
        assertEquals(List.of("vrrp-free: advert priority 0", "vrrp-free: remove VIPs", "vrrp-free: MASTER -> INIT"),
                freeActions.seen);
        assertEquals(List.of(), busyActions.seen);
        gate.countDown();
        onLoop(busy, () -> { });
        assertEquals(List.of("vrrp-busy: advert priority 0", "vrrp-busy: remove VIPs", "vrrp-busy: MASTER -> INIT"),
                busyActions.seen);
    }

    @Test
    void aClosedLoopIsSkippedWithoutThrowing() throws Exception {
        Loop closed = loop("closed");
        Loop open = loop("open");
        Recording openActions = new Recording();
        VrrpInstance running = masterOn(open, "VI_2", openActions);
        closed.close();
        StopHandoff handoff = new StopHandoff();
        handoff.set(List.of(new StopHandoff.Target(closed.executor(), () -> { }),
                new StopHandoff.Target(open.executor(), running::stop)));

        assertEquals(1, handoff.handOff());

        onLoop(open, () -> { });
        assertEquals(List.of("vrrp-open: advert priority 0", "vrrp-open: remove VIPs", "vrrp-open: MASTER -> INIT"),
                openActions.seen);
    }

    @Test
    void nothingToStopBeforeTheInstancesAreSet() {
        assertEquals(0, new StopHandoff().handOff());
    }
}
