package org.lvsd.ipvs.userspace;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class CpuTimedIoHandlerTest {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final long MS = 1_000_000;

    private final List<CpuTimedIoHandler> handlers = new CopyOnWriteArrayList<>();
    private EventLoopGroup group;

    @AfterEach
    void stop() {
        if (group != null) {
            group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    private CpuTimedIoHandler oneLoop() throws Exception {
        group = new MultiThreadIoEventLoopGroup(1, CpuTimedIoHandler.wrap(EpollIoHandler.newFactory(), (loop, h) -> handlers.add(h)));
        group.submit(() -> { }).sync();
        assertEquals(1, handlers.size(), "one handler per loop");
        CpuTimedIoHandler h = handlers.get(0);
        await().atMost(Duration.ofSeconds(5)).until(() -> h.cpuNanos() >= 0);
        return h;
    }

    /** The loop's next wait reads the clock again: a task wakes it, the read follows the task. */
    private long nextReading(CpuTimedIoHandler h, long previous) throws Exception {
        group.submit(() -> { }).sync();
        await().atMost(Duration.ofSeconds(5)).until(() -> h.cpuNanos() != previous);
        return h.cpuNanos();
    }

    @Test
    void aWaitingLoopUsesNoCpuTime() throws Exception {
        CpuTimedIoHandler h = oneLoop();
        long before = h.cpuNanos();
        Thread.sleep(300);
        long after = nextReading(h, before);
        assertTrue(after > before, "the clock moves on: " + before + " -> " + after);
        assertTrue(after - before < 50 * MS,
                "300 ms of waiting cost " + (after - before) / MS + " ms of CPU (a CPU clock, not the wall clock)");
    }

    @Test
    void theWorkOfTheLoopsTasksCountsAtItsNextWait() throws Exception {
        CpuTimedIoHandler h = oneLoop();
        long before = h.cpuNanos();
        group.submit(() -> {
            long start = THREADS.getCurrentThreadCpuTime();
            while (THREADS.getCurrentThreadCpuTime() - start < 100 * MS) {
                Thread.onSpinWait();
            }
        }).sync();
        long after = nextReading(h, before);
        assertTrue(after - before >= 100 * MS, "a task spun 100 ms of CPU, the loop counted "
                + (after - before) / MS + " ms");
    }

    @Test
    void theDriversCountersHaveEachLoopsCpuTime() throws Exception {
        try (UserspaceIpvsDriver driver = new UserspaceIpvsDriver(Clock.systemUTC(),
                ForwarderOptions.DEFAULT.withIoThreads(2))) {
            await().atMost(Duration.ofSeconds(5)).until(() -> driver.counters().loops().size() == 2
                    && driver.counters().loops().stream().allMatch(l -> l.cpu().toNanos() > 0));
        }
    }
}
