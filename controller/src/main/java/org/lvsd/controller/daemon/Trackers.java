package org.lvsd.controller.daemon;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.TrackFile;
import org.lvsd.conf.model.VrrpScript;
import org.lvsd.vrrp.script.ScriptResult;
import org.lvsd.vrrp.script.ScriptRunner;
import org.lvsd.vrrp.script.ScriptSpec;
import org.lvsd.vrrp.script.TrackFileSpec;
import org.lvsd.vrrp.script.TrackFileWatcher;
import org.lvsd.vrrp.track.ScriptParams;
import org.lvsd.vrrp.track.ScriptResultFilter;
import org.lvsd.vrrp.track.TrackerKind;
import org.lvsd.vrrp.track.TrackerSpec;
import org.lvsd.vrrp.track.TrackerStatus;

/**
 * Runs every {@code vrrp_script} and watches every {@code vrrp_track_file} that some instance
 * tracks, once each (keepalived reference §2.7): a script's results go through its rise / fall
 * filter, then its status goes to every instance tracking it, on that instance's loop; a track
 * file is read every second on its own loop and its value goes the same way. Scripts run as the
 * daemon's user ({@code script_user} is not applied yet).
 */
final class Trackers implements AutoCloseable {

    private static final Duration FILE_PERIOD = Duration.ofSeconds(1);
    private static final int SCRIPT_THREADS = 2;

    private final Map<String, ScriptResultFilter> filters = new LinkedHashMap<>();
    private final List<ScriptSpec> scripts = new ArrayList<>();
    private final List<TrackFileSpec> files = new ArrayList<>();
    private final List<Member> members;
    private ScriptRunner runner;
    private Loop scriptTimer;
    private ExecutorService scriptWorkers;
    private Loop fileLoop;

    Trackers(KeepalivedConfig config, List<Member> members) {
        this.members = List.copyOf(members);
        for (String name : tracked(TrackerKind.SCRIPT)) {
            VrrpScript s = config.scripts().get(name);
            if (s != null) {
                Duration timeout = s.timeout().isZero() ? s.interval() : s.timeout();
                scripts.add(new ScriptSpec(name, s.script().argv(), s.interval(), timeout));
                filters.put(name, new ScriptResultFilter(new ScriptParams(s.rise(), s.fall(), s.initFail())));
            }
        }
        for (String name : tracked(TrackerKind.FILE)) {
            TrackFile f = config.trackFiles().get(name);
            if (f != null) {
                OptionalLong init = f.initFile() ? OptionalLong.of(f.initValue().orElse(0)) : OptionalLong.empty();
                files.add(new TrackFileSpec(name, Path.of(f.file()), init, f.initOverwrite()));
            }
        }
    }

    /**
     * Starts the scripts and the file polls. The scripts are started on the runner's own timer
     * thread, so that a first run (due at once) cannot begin before its registration completes.
     */
    void start() throws InterruptedException {
        if (!scripts.isEmpty()) {
            scriptTimer = new Loop("script-timer");
            scriptWorkers = Executors.newFixedThreadPool(SCRIPT_THREADS, r -> {
                Thread t = new Thread(r, "vrrp-script");
                t.setDaemon(true);
                return t;
            });
            runner = new ScriptRunner(scriptTimer.scheduler(), scriptWorkers, this::onScript);
            try {
                scriptTimer.executor().submit(() -> scripts.forEach(runner::start)).get();
            } catch (ExecutionException e) {
                throw new IllegalStateException("cannot start vrrp_script: " + e.getCause().getMessage(), e);
            }
        }
        if (!files.isEmpty()) {
            fileLoop = new Loop("track-files");
            TrackFileWatcher watcher = new TrackFileWatcher(fileLoop.scheduler(), FILE_PERIOD, files,
                    (name, status) -> deliver(TrackerKind.FILE, name, status));
            fileLoop.executor().execute(watcher::start);
        }
    }

    private void onScript(ScriptResult r) {
        ScriptResultFilter filter = filters.get(r.name());
        synchronized (filter) {
            filter.onResult(r.success()).ifPresent(s -> deliver(TrackerKind.SCRIPT, r.name(), s));
        }
    }

    private void deliver(TrackerKind kind, String name, TrackerStatus status) {
        for (Member m : members) {
            if (m.instance().params().trackers().stream().anyMatch(t -> t.kind() == kind && t.name().equals(name))) {
                try {
                    m.loop().executor().execute(() -> m.instance().onTrackerStatus(kind, name, status));
                } catch (RejectedExecutionException e) {
                    // stopping
                }
            }
        }
    }

    private List<String> tracked(TrackerKind kind) {
        return members.stream().flatMap(m -> m.instance().params().trackers().stream())
                .filter(t -> t.kind() == kind).map(TrackerSpec::name).distinct().toList();
    }

    @Override
    public void close() {
        if (runner != null) {
            runner.close();
            scriptTimer.close();
            scriptWorkers.shutdownNow();
        }
        if (fileLoop != null) {
            fileLoop.close();
        }
    }
}
