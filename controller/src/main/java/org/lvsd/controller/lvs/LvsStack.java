package org.lvsd.controller.lvs;

import java.time.Clock;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

import org.lvsd.conf.model.GlobalDefs;
import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.healthcheck.check.CheckLimits;
import org.lvsd.healthcheck.check.CheckTransport;
import org.lvsd.healthcheck.check.NettyCheckerFactory;
import org.lvsd.healthcheck.schedule.CheckerFactory;
import org.lvsd.healthcheck.schedule.ExecutorScheduler;
import org.lvsd.healthcheck.schedule.HealthListener;
import org.lvsd.ipvs.IpvsDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The LVS half of the daemon with everything it owns: the health checks' transport (2 threads,
 * which also run the checks' timers, so that a check starts on the loop that probes it without a
 * hand-off), the periodic reconcile's timer (one thread), the reconcile loop (one thread), the
 * {@link LvsRuntime} and the IPVS
 * driver. {@link #close()} stops them in that dependency order: the runtime (its stop policy
 * runs on the reconcile loop, after any reconcile already queued), the transport, the threads,
 * then the driver (closed when it is {@link AutoCloseable}, as the userspace forwarder is).
 */
public final class LvsStack implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LvsStack.class);
    /**
     * Two check event loops, not one: with 10,000 checks a second on 2 cores, one loop cost more
     * CPU per check (5.4-5.6 against 5.0-5.2 % of a core per 1,000 checks/s before TCP_QUICKACK,
     * 4.5-5.6 against 4.4-5.4 after), detected later at p99 under load and had its in-flight
     * limit saturated more often (healthcheck/bench/vs-haproxy-results.md, fourth session).
     */
    private static final int CHECK_THREADS = 2;
    private static final long CLOSE_SECONDS = 10;

    private final IpvsDriver driver;
    private final CheckTransport transport;
    private final ScheduledExecutorService timer;
    private final ExecutorService loop;
    private final LvsRuntime runtime;

    private LvsStack(IpvsDriver driver, CheckTransport transport, ScheduledExecutorService timer,
                     ExecutorService loop, LvsRuntime runtime) {
        this.driver = driver;
        this.transport = transport;
        this.timer = timer;
        this.loop = loop;
        this.runtime = runtime;
    }

    /**
     * The daemon's stack: Netty checkers on a 2-thread transport, the drift-repairing reconcile
     * every {@code lvs_reconcile_interval}; {@code observer} sees every batch of health events.
     */
    public static LvsStack create(GlobalDefs global, IpvsDriver driver, boolean dontRelease, HealthListener observer) {
        return create(global, driver, dontRelease, NettyCheckerFactory::new, observer);
    }

    /** As {@link #create(GlobalDefs, IpvsDriver, boolean, HealthListener)}, with the checkers made from the transport by {@code checkers}. */
    static LvsStack create(GlobalDefs global, IpvsDriver driver, boolean dontRelease,
                           Function<CheckTransport, CheckerFactory> checkers, HealthListener observer) {
        CheckTransport transport = CheckTransport.create(CHECK_THREADS, CheckLimits.defaults());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(named("lvsd-lvs-timer"));
        ExecutorService loop = Executors.newSingleThreadExecutor(named("lvsd-lvs-reconcile"));
        Clock clock = Clock.systemUTC();
        LvsRuntime runtime = new LvsRuntime(driver, checkers.apply(transport), transport.scheduler(clock),
                new ExecutorScheduler(timer, clock), clock, new Random(), loop, global.lvsd().reconcileInterval(), global.lvsFlush(),
                StopPolicy.of(global.lvsFlushOnStop(), dontRelease), observer);
        return new LvsStack(driver, transport, timer, loop, runtime);
    }

    private static java.util.concurrent.ThreadFactory named(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Starts (first call) or reloads the virtual servers. */
    public void apply(MappedConfig mapped) {
        runtime.apply(mapped);
    }

    public LvsRuntime runtime() {
        return runtime;
    }

    public IpvsDriver driver() {
        return driver;
    }

    @Override
    public void close() {
        try {
            loop.submit(runtime::close).get(CLOSE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.error("interrupted while stopping the LVS runtime");
        } catch (ExecutionException | TimeoutException e) {
            LOG.error("stopping the LVS runtime: {}", e.toString());
        }
        loop.shutdownNow();
        transport.close();
        timer.shutdownNow();
        try {
            loop.awaitTermination(CLOSE_SECONDS, TimeUnit.SECONDS);
            timer.awaitTermination(CLOSE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (driver instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.error("closing the IPVS driver: {}", e.toString());
            }
        }
    }
}
