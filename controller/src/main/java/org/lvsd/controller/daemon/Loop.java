package org.lvsd.controller.daemon;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.route.RtNetlink;
import org.lvsd.vrrp.time.ExecutorScheduler;

/**
 * One single-threaded loop (thread {@code vrrp-NAME}): its instances' state machines, timers,
 * received adverts and VIP changes all run here, with the loop's own rtnetlink socket.
 */
final class Loop implements AutoCloseable {

    private final ScheduledExecutorService executor;
    private final ExecutorScheduler scheduler;
    private final RtNetlink rtnl;

    private Loop(ScheduledExecutorService executor, RtNetlink rtnl) {
        this.executor = executor;
        this.scheduler = new ExecutorScheduler(executor);
        this.rtnl = rtnl;
    }

    static Loop open(String name) throws NetlinkException {
        RtNetlink rtnl = RtNetlink.open();
        return new Loop(Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "vrrp-" + name)), rtnl);
    }

    ScheduledExecutorService executor() {
        return executor;
    }

    ExecutorScheduler scheduler() {
        return scheduler;
    }

    /** The loop's rtnetlink socket: use on the loop thread only (or before it runs anything). */
    RtNetlink rtnl() {
        return rtnl;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rtnl.close();
    }
}
