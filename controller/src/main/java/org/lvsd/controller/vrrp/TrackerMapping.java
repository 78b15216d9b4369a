package org.lvsd.controller.vrrp;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.model.SyncGroup;
import org.lvsd.conf.model.TrackFile;
import org.lvsd.conf.model.TrackInterface;
import org.lvsd.conf.model.TrackRef;
import org.lvsd.conf.model.VrrpInstance;
import org.lvsd.conf.model.VrrpScript;
import org.lvsd.vrrp.track.TrackerKind;
import org.lvsd.vrrp.track.TrackerSpec;

/**
 * The trackers of one instance (keepalived reference §2.7): its own interface as a weight-0
 * interface tracker unless {@code dont_track_primary}, its {@code track_interface},
 * {@code track_script} (the reference's weight and reverse when it gives a weight, else the
 * script's) and {@code track_file} (likewise), then those of its sync group. In a sync group every weight is zeroed (a down
 * tracker means FAULT) unless the group sets {@code sync_group_tracking_weight}. A name tracked
 * twice keeps its first entry.
 */
public final class TrackerMapping {

    private TrackerMapping() {
    }

    public static List<TrackerSpec> trackers(VrrpInstance vi, KeepalivedConfig config) {
        Optional<SyncGroup> group = groupOf(vi.name(), config);
        Map<String, TrackerSpec> out = new LinkedHashMap<>();
        if (!vi.dontTrackPrimary() && vi.iface().isPresent()) {
            put(out, TrackerSpec.iface(vi.iface().get(), 0));
        }
        List<TrackInterface> ifaces = new ArrayList<>(vi.trackInterfaces());
        List<TrackRef> scripts = new ArrayList<>(vi.trackScripts());
        List<TrackRef> files = new ArrayList<>(vi.trackFiles());
        group.ifPresent(g -> {
            ifaces.addAll(g.trackInterfaces());
            scripts.addAll(g.trackScripts());
            files.addAll(g.trackFiles());
        });
        for (TrackInterface t : ifaces) {
            put(out, new TrackerSpec(t.name(), TrackerKind.INTERFACE, t.weight(), t.reverse()));
        }
        for (TrackRef t : scripts) {
            VrrpScript s = config.scripts().get(t.name());
            boolean own = t.weight().isPresent() || s == null;
            put(out, TrackerSpec.script(t.name(), own ? t.weight().orElse(0) : s.weight(),
                    own ? t.reverse() : s.reverse()));
        }
        for (TrackRef t : files) {
            TrackFile f = config.trackFiles().get(t.name());
            boolean own = t.weight().isPresent() || f == null;
            put(out, TrackerSpec.file(t.name(), own ? t.weight().orElse(1) : f.weight(),
                    own ? t.reverse() : f.reverse()));
        }
        List<TrackerSpec> result = new ArrayList<>(out.values());
        if (group.isPresent() && !group.get().trackingWeight()) {
            result.replaceAll(t -> new TrackerSpec(t.name(), t.kind(), 0, t.reverse()));
        }
        return List.copyOf(result);
    }

    /** The sync group {@code instance} belongs to, if any. */
    public static Optional<SyncGroup> groupOf(String instance, KeepalivedConfig config) {
        return config.syncGroups().values().stream().filter(g -> g.members().contains(instance)).findFirst();
    }

    private static void put(Map<String, TrackerSpec> out, TrackerSpec t) {
        out.putIfAbsent(t.kind() + "/" + t.name(), t);
    }
}
