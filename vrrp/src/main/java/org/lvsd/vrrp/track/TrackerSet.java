package org.lvsd.vrrp.track;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The trackers of one instance and their current status: yields the effective priority and
 * the tracker-caused fault (keepalived reference §2.13, §2.14). Initial statuses: interfaces
 * up, scripts not reported, files 0; the owner should push real statuses before start.
 */
public final class TrackerSet {

    /** keepalived: a file value × weight at or below this puts the instance in FAULT. */
    static final long FILE_FAULT_THRESHOLD = -254;
    private static final long FILE_VALUE_LIMIT = 1_000_000;

    private record Key(TrackerKind kind, String name) {
    }

    private final Map<Key, TrackerSpec> specs = new LinkedHashMap<>();
    private final Map<Key, TrackerStatus> statuses = new LinkedHashMap<>();

    public TrackerSet(List<TrackerSpec> trackers) {
        for (TrackerSpec spec : trackers) {
            Key key = new Key(spec.kind(), spec.name());
            if (specs.put(key, spec) != null) {
                throw new IllegalArgumentException("tracked " + spec.kind().label() + " " + spec.name() + " twice");
            }
            statuses.put(key, switch (spec.kind()) {
                case INTERFACE -> TrackerStatus.UP;
                case SCRIPT -> TrackerStatus.UNKNOWN;
                case FILE -> TrackerStatus.value(0);
            });
        }
    }

    /** Records a status; returns false when the tracker is not tracked here or did not change. */
    public boolean update(TrackerKind kind, String name, TrackerStatus status) {
        Key key = new Key(kind, name);
        if (!specs.containsKey(key)) {
            return false;
        }
        boolean fileTracker = kind == TrackerKind.FILE;
        if (fileTracker != (status instanceof TrackerStatus.FileValue)) {
            throw new IllegalArgumentException("status " + status + " does not fit tracked " + kind.label());
        }
        return !status.equals(statuses.put(key, status));
    }

    /** RFC 5798 §5.2.4 priority after tracker weights: owner 255 unchanged, else clamped to 1..254. */
    public int effectivePriority(int basePriority) {
        if (basePriority == 255) {
            return 255;
        }
        long sum = basePriority;
        for (Map.Entry<Key, TrackerSpec> e : specs.entrySet()) {
            sum += contribution(e.getValue(), statuses.get(e.getKey()));
        }
        return (int) Math.max(1, Math.min(254, sum));
    }

    /** The first tracker that holds the instance in FAULT, as a transition reason. */
    public Optional<String> faultReason() {
        for (Map.Entry<Key, TrackerSpec> e : specs.entrySet()) {
            TrackerSpec spec = e.getValue();
            TrackerStatus status = statuses.get(e.getKey());
            if (faulted(spec, status)) {
                return Optional.of(describe(spec, status));
            }
        }
        return Optional.empty();
    }

    /** "tracked interface eth1 down" and the like, for the given tracker's current status. */
    public String describe(TrackerKind kind, String name) {
        Key key = new Key(kind, name);
        return describe(specs.get(key), statuses.get(key));
    }

    private static String describe(TrackerSpec spec, TrackerStatus status) {
        return "tracked " + spec.kind().label() + " " + spec.name() + " " + status;
    }

    private static boolean up(TrackerSpec spec, TrackerStatus status) {
        return spec.reverse() ? status == TrackerStatus.DOWN : status == TrackerStatus.UP;
    }

    private static boolean faulted(TrackerSpec spec, TrackerStatus status) {
        if (status instanceof TrackerStatus.FileValue file) {
            if (spec.weight() == 0) {
                // keepalived: with weight 0 a non-zero file value is a failure.
                return (file.value() != 0) != spec.reverse();
            }
            return fileContribution(spec, file.value()) <= FILE_FAULT_THRESHOLD;
        }
        return spec.weight() == 0 && !up(spec, status);
    }

    private static long contribution(TrackerSpec spec, TrackerStatus status) {
        if (status instanceof TrackerStatus.FileValue file) {
            return fileContribution(spec, file.value());
        }
        if (status == TrackerStatus.UNKNOWN) {
            return 0;
        }
        boolean up = up(spec, status);
        if (spec.weight() > 0) {
            return up ? spec.weight() : 0;
        }
        return up ? 0 : spec.weight();
    }

    /** Values are saturated first: beyond ±1,000,000 the clamped priority cannot change. */
    private static long fileContribution(TrackerSpec spec, long value) {
        long saturated = Math.max(-FILE_VALUE_LIMIT, Math.min(FILE_VALUE_LIMIT, value));
        return saturated * (spec.reverse() ? -spec.weight() : spec.weight());
    }
}
