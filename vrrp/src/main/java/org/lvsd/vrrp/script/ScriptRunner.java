package org.lvsd.vrrp.script;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.lvsd.vrrp.time.ExecutorScheduler;
import org.lvsd.vrrp.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code vrrp_script} checks: each script starts at once and then every {@code interval} on
 * a bounded worker pool; a start that finds the previous run still going is skipped (the running
 * one is killed at its timeout anyway). Results go to the sink on the worker thread that ran the
 * script; the daemon hands them to the instance's thread, through {@code ScriptResultFilter}, to
 * {@code VrrpInstance.onTrackerStatus}. The timer only submits work, so nothing here blocks a
 * state machine.
 */
public final class ScriptRunner implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScriptRunner.class);

    private final Scheduler timer;
    private final ExecutorService workers;
    private final Consumer<ScriptResult> sink;
    private final Map<String, Scheduler.Cancellable> pending = new ConcurrentHashMap<>();
    private final Set<String> running = ConcurrentHashMap.newKeySet();
    private final Runnable onClose;
    private volatile boolean closed;

    /**
     * @param timer   when to start runs (its tasks only submit to {@code workers})
     * @param workers where scripts run and results are delivered
     * @param sink    receives every result
     */
    public ScriptRunner(Scheduler timer, ExecutorService workers, Consumer<ScriptResult> sink) {
        this(timer, workers, sink, () -> { });
    }

    private ScriptRunner(Scheduler timer, ExecutorService workers, Consumer<ScriptResult> sink, Runnable onClose) {
        this.timer = Objects.requireNonNull(timer, "timer");
        this.workers = Objects.requireNonNull(workers, "workers");
        this.sink = Objects.requireNonNull(sink, "sink");
        this.onClose = onClose;
    }

    /** A runner with its own timer thread and {@code threads} worker threads, all daemon threads. */
    public static ScriptRunner create(int threads, Consumer<ScriptResult> sink) {
        ScheduledExecutorService timerThread = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "vrrp-script-timer"));
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> daemon(r, "vrrp-script"));
        return new ScriptRunner(new ExecutorScheduler(timerThread), pool, sink, () -> {
            timerThread.shutdownNow();
            pool.shutdownNow();
        });
    }

    /** Starts running {@code spec} now and every interval until {@link #close()}. */
    public void start(ScriptSpec spec) {
        if (pending.putIfAbsent(spec.name(), timer.schedule(Duration.ZERO, () -> tick(spec))) != null) {
            throw new IllegalArgumentException("vrrp_script " + spec.name() + " already started");
        }
    }

    private void tick(ScriptSpec spec) {
        if (closed) {
            return;
        }
        pending.put(spec.name(), timer.schedule(spec.interval(), () -> tick(spec)));
        if (!running.add(spec.name())) {
            LOG.warn("vrrp_script {}: previous run still going, this interval skipped", spec.name());
            return;
        }
        try {
            workers.execute(() -> runOnce(spec));
        } catch (RejectedExecutionException e) {
            running.remove(spec.name());
        }
    }

    private void runOnce(ScriptSpec spec) {
        try {
            ProcessResult run = ProcessRunner.run(spec.argv(), spec.timeout());
            if (!run.success()) {
                LOG.debug("vrrp_script {}: {}", spec.name(), run.describe());
            }
            if (!closed) {
                sink.accept(new ScriptResult(spec.name(), run.success(), run));
            }
        } finally {
            running.remove(spec.name());
        }
    }

    /** Stops scheduling; runs in progress finish (bounded by their timeouts) but are not reported. */
    @Override
    public void close() {
        closed = true;
        pending.values().forEach(Scheduler.Cancellable::cancel);
        pending.clear();
        onClose.run();
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }
}
