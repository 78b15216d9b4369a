package org.lvsd.vrrp.notify;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Function;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.fsm.VrrpState;
import org.lvsd.vrrp.script.ProcessResult;
import org.lvsd.vrrp.script.ProcessRunner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifies of one instance (or sync group) as a {@link VrrpListener}. On each transition it
 * writes the FIFO line at once (non-blocking) and queues the scripts: the state's script
 * ({@code notify_master}, ...) with its configured argv, then the generic {@code notify} with
 * {@code INSTANCE|GROUP NAME STATE PRIORITY} appended. A MASTER hearing a lower priority writes
 * {@code MASTER_RX_LOWER_PRI} and runs {@code notify_master_rx_lower_pri}; with
 * {@code notify_priority_changes}, effective priority changes of a MASTER or BACKUP write
 * {@code MASTER_PRIORITY} / {@code BACKUP_PRIORITY}. The priority in a line is the instance's
 * effective priority. The queue is one thread per runner, so the scripts of one instance run in
 * event order, each waited for at most the timeout (then killed); the state machine's thread
 * never waits for them.
 */
public final class NotifyRunner implements VrrpListener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NotifyRunner.class);

    private final NotifyState.Subject subject;
    private final String name;
    private final NotifyScripts scripts;
    private final List<NotifyFifo> fifos;
    private final boolean priorityChanges;
    private final ExecutorService queue;
    private final Function<List<String>, ProcessResult> launcher;
    private int priority;

    /**
     * @param subject         {@code INSTANCE} or {@code GROUP}: the first word of the extra arguments and FIFO lines
     * @param name            the instance or group name
     * @param scripts         the configured scripts
     * @param fifos           {@code notify_fifo} and/or {@code vrrp_notify_fifo} (shared objects)
     * @param priorityChanges {@code notify_priority_changes}
     * @param queue           a single-threaded executor owned by this runner (shut down by {@link #close()})
     * @param launcher        runs one argv to its end (production: {@link ProcessRunner#run} with the timeout)
     */
    public NotifyRunner(NotifyState.Subject subject, String name, NotifyScripts scripts, List<NotifyFifo> fifos,
                        boolean priorityChanges, ExecutorService queue,
                        Function<List<String>, ProcessResult> launcher) {
        this.subject = Objects.requireNonNull(subject, "subject");
        this.name = Objects.requireNonNull(name, "name");
        this.scripts = Objects.requireNonNull(scripts, "scripts");
        this.fifos = List.copyOf(fifos);
        this.priorityChanges = priorityChanges;
        this.queue = Objects.requireNonNull(queue, "queue");
        this.launcher = Objects.requireNonNull(launcher, "launcher");
    }

    /** A runner with its own queue thread, running each script for at most {@code timeout}. */
    public static NotifyRunner create(NotifyState.Subject subject, String name, NotifyScripts scripts,
                                      List<NotifyFifo> fifos, boolean priorityChanges, Duration timeout) {
        ExecutorService queue = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vrrp-notify-" + name);
            t.setDaemon(true);
            return t;
        });
        return new NotifyRunner(subject, name, scripts, fifos, priorityChanges, queue,
                argv -> ProcessRunner.run(argv, timeout));
    }

    @Override
    public void notify(Transition t) {
        priority = t.priority();
        NotifyState state = NotifyState.of(t.to());
        write(NotifyState.fifoLine(subject, name, state, priority));
        run(commands(state, priority), state.name());
    }

    @Override
    public void masterReceivedLowerPriority(InetAddress from, int lowerPriority) {
        write(NotifyState.fifoLine(subject, name, "MASTER_RX_LOWER_PRI", priority));
        run(scripts.masterRxLowerPri().isEmpty() ? List.of() : List.of(scripts.masterRxLowerPri()),
                "MASTER_RX_LOWER_PRI");
    }

    @Override
    public void priorityChanged(VrrpState state, int from, int to) {
        priority = to;
        if (priorityChanges && (state == VrrpState.MASTER || state == VrrpState.BACKUP)) {
            write(NotifyState.fifoLine(subject, name, state.name() + "_PRIORITY", to));
        }
    }

    /** The argv lists a transition to {@code state} runs, in order. */
    List<List<String>> commands(NotifyState state, int effectivePriority) {
        List<List<String>> out = new ArrayList<>(2);
        List<String> specific = switch (state) {
            case MASTER -> scripts.master();
            case BACKUP -> scripts.backup();
            case FAULT -> scripts.fault();
            case STOP -> scripts.stop();
        };
        if (!specific.isEmpty()) {
            out.add(specific);
        }
        if (!scripts.generic().isEmpty()) {
            List<String> argv = new ArrayList<>(scripts.generic());
            argv.addAll(List.of(subject.name(), name, state.name(), Integer.toString(effectivePriority)));
            out.add(argv);
        }
        return out;
    }

    private void write(String line) {
        for (NotifyFifo fifo : fifos) {
            fifo.write(line);
        }
    }

    private void run(List<List<String>> commands, String event) {
        if (commands.isEmpty()) {
            return;
        }
        try {
            queue.execute(() -> commands.forEach(this::launch));
        } catch (RejectedExecutionException e) {
            LOG.warn("{} {}: notify for {} dropped, runner closed", subject, name, event);
        }
    }

    private void launch(List<String> argv) {
        ProcessResult r = launcher.apply(argv);
        if (!r.success()) {
            LOG.warn("notify {}: {}", String.join(" ", argv), r.describe());
        }
    }

    /** Stops taking work: queued scripts are dropped, a running one is interrupted and killed with its children. */
    @Override
    public void close() {
        queue.shutdownNow();
    }
}
