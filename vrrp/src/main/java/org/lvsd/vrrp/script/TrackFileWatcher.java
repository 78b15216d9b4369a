package org.lvsd.vrrp.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiConsumer;
import org.lvsd.vrrp.time.Scheduler;
import org.lvsd.vrrp.track.TrackerStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code track_file} files: once at start (after {@code init_file}) and then every poll
 * period, reporting {@link TrackerStatus#value} to the sink whenever the value differs from the
 * last one reported. The file holds an integer (surrounding white space ignored); a missing,
 * unreadable or non-integer file counts as 0 and is logged. Runs on the given scheduler's thread
 * (reads are small local files); the daemon forwards values to
 * {@code VrrpInstance.onTrackerStatus(TrackerKind.FILE, name, status)}.
 */
public final class TrackFileWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TrackFileWatcher.class);

    private final Scheduler scheduler;
    private final Duration period;
    private final List<TrackFileSpec> files;
    private final BiConsumer<String, TrackerStatus> sink;
    private final Map<String, Long> last = new HashMap<>();
    private final Map<String, String> lastProblem = new HashMap<>();
    private Scheduler.Cancellable next;
    private boolean closed;

    /**
     * @param scheduler the thread and clock of the polls
     * @param period    time between two reads of every file
     * @param files     the files
     * @param sink      (name, value) on every change, on the scheduler's thread
     */
    public TrackFileWatcher(Scheduler scheduler, Duration period, List<TrackFileSpec> files,
                            BiConsumer<String, TrackerStatus> sink) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.period = period;
        this.files = List.copyOf(files);
        this.sink = Objects.requireNonNull(sink, "sink");
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("poll period must be positive: " + period);
        }
    }

    /** Applies every {@code init_file}, reads every file and reports it, then polls. Call on the scheduler's thread. */
    public void start() {
        for (TrackFileSpec f : files) {
            init(f);
        }
        poll();
    }

    private void poll() {
        if (closed) {
            return;
        }
        for (TrackFileSpec f : files) {
            long value = read(f);
            Long before = last.put(f.name(), value);
            if (before == null || before != value) {
                sink.accept(f.name(), TrackerStatus.value(value));
            }
        }
        next = scheduler.schedule(period, this::poll);
    }

    private static void init(TrackFileSpec f) {
        if (f.initValue().isEmpty() || (Files.exists(f.file()) && !f.overwrite())) {
            return;
        }
        try {
            Files.writeString(f.file(), f.initValue().getAsLong() + "\n", StandardCharsets.US_ASCII);
        } catch (IOException e) {
            LOG.error("track_file {}: init_file {} failed: {}", f.name(), f.file(), e.getMessage());
        }
    }

    private long read(TrackFileSpec f) {
        String problem;
        try {
            String text = Files.readString(f.file(), StandardCharsets.US_ASCII).strip();
            try {
                long value = Long.parseLong(text);
                lastProblem.remove(f.name());
                return value;
            } catch (NumberFormatException e) {
                problem = "holds \"" + text + "\", not an integer";
            }
        } catch (NoSuchFileException e) {
            problem = "does not exist";
        } catch (IOException e) {
            problem = "cannot be read: " + e.getMessage();
        }
        if (!problem.equals(lastProblem.put(f.name(), problem))) {
            LOG.warn("track_file {}: {} {}; value 0", f.name(), f.file(), problem);
        }
        return 0;
    }

    /** Stops polling. Call on the scheduler's thread. */
    @Override
    public void close() {
        closed = true;
        if (next != null) {
            next.cancel();
        }
    }
}
