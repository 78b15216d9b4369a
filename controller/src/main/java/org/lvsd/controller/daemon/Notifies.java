package org.lvsd.controller.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.lvsd.conf.model.Command;
import org.lvsd.conf.model.GlobalDefs;
import org.lvsd.conf.model.Notify;
import org.lvsd.conf.model.VrrpInstance;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.notify.NotifyFifo;
import org.lvsd.vrrp.notify.NotifyRunner;
import org.lvsd.vrrp.notify.NotifyScripts;
import org.lvsd.vrrp.notify.NotifyState;
import org.lvsd.vrrp.script.ProcessRunner;

/**
 * Each instance's listener: {@link TransitionLog}, then (when configured) a {@link NotifyRunner}
 * for its {@code notify_master|backup|fault|stop}, {@code notify_master_rx_lower_pri} and
 * {@code notify} scripts ({@code notify_priority_changes} honoured) and the global
 * {@code notify_fifo} / {@code vrrp_notify_fifo} lines (keepalived reference §1.7). Each script
 * runs for at most {@link #SCRIPT_TIMEOUT}. On close, queued notifies (e.g. {@code notify_stop}
 * of the instances just stopped) get {@link #DRAIN} to finish. Sync-group notifies and
 * {@code notify_deleted} are not run yet.
 */
final class Notifies implements AutoCloseable {

    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DRAIN = Duration.ofSeconds(5);

    private final List<NotifyFifo> fifos = new ArrayList<>();
    private final List<ExecutorService> queues = new ArrayList<>();
    private final List<NotifyRunner> runners = new ArrayList<>();

    Notifies(GlobalDefs global) {
        global.notifyFifo().ifPresent(f -> fifos.add(new NotifyFifo(Path.of(f.path()))));
        global.vrrpNotifyFifo().ifPresent(f -> fifos.add(new NotifyFifo(Path.of(f.path()))));
    }

    VrrpListener listenerFor(VrrpInstance vi) {
        TransitionLog log = new TransitionLog(vi.name());
        Notify n = vi.notifyScripts();
        NotifyScripts scripts = new NotifyScripts(argv(n.master()), argv(n.backup()), argv(n.fault()),
                argv(n.stop()), argv(n.any()), argv(n.masterRxLowerPri()));
        if (scripts.equals(NotifyScripts.NONE) && fifos.isEmpty()) {
            return log;
        }
        ExecutorService queue = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "vrrp-notify-" + vi.name());
            t.setDaemon(true);
            return t;
        });
        NotifyRunner runner = new NotifyRunner(NotifyState.Subject.INSTANCE, vi.name(), scripts, fifos,
                vi.notifyPriorityChanges(), queue, argv -> ProcessRunner.run(argv, SCRIPT_TIMEOUT));
        queues.add(queue);
        runners.add(runner);
        return new FanOutListener(List.of(log, runner));
    }

    private static List<String> argv(Optional<Command> c) {
        return c.map(Command::argv).orElse(List.of());
    }

    @Override
    public void close() {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        for (ExecutorService q : queues) {
            q.shutdown();
            try {
                q.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        runners.forEach(NotifyRunner::close);
        fifos.forEach(NotifyFifo::close);
    }
}
