package org.lvsd.controller.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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
 * of the instances just stopped) get {@link #DRAIN} to finish; an instance a reload stops is
 * {@linkplain #forget forgotten} the same way, in the background. The FIFOs are those of the
 * configuration lvsd started with. Sync-group notifies and {@code notify_deleted} are not run yet.
 */
final class Notifies implements AutoCloseable {

    static final Duration SCRIPT_TIMEOUT = Duration.ofSeconds(10);
    static final Duration DRAIN = Duration.ofSeconds(5);

    private final List<NotifyFifo> fifos = new ArrayList<>();
    private record Queue(ExecutorService executor, NotifyRunner runner) {
    }

    private final Map<VrrpListener, Queue> queues = new ConcurrentHashMap<>();

    Notifies(GlobalDefs global) {
        global.notifyFifo().ifPresent(f -> fifos.add(new NotifyFifo(Path.of(f.path()))));
        global.vrrpNotifyFifo().ifPresent(f -> fifos.add(new NotifyFifo(Path.of(f.path()))));
    }

    /** The listener of {@code vi}; {@link #forget} it when the instance stops before lvsd does. */
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
        FanOutListener listener = new FanOutListener(List.of(log, runner));
        queues.put(listener, new Queue(queue, runner));
        return listener;
    }

    private static List<String> argv(Optional<Command> c) {
        return c.map(Command::argv).orElse(List.of());
    }

    /** Lets the queued notifies of a stopped instance finish (within {@link #DRAIN}), in the background. */
    void forget(VrrpListener listener) {
        Queue q = queues.remove(listener);
        if (q != null) {
            Thread t = new Thread(() -> drain(List.of(q)), "vrrp-notify-drain");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void close() {
        drain(List.copyOf(queues.values()));
        queues.clear();
        fifos.forEach(NotifyFifo::close);
    }

    private static void drain(List<Queue> list) {
        long deadline = System.nanoTime() + DRAIN.toNanos();
        for (Queue q : list) {
            q.executor().shutdown();
            try {
                q.executor().awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            q.runner().close();
        }
    }
}
