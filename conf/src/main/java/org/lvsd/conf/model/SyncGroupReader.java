package org.lvsd.conf.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads {@code vrrp_sync_group NAME { ... }} (keepalived.conf(5) "VRRP synchronization group(s)"). */
final class SyncGroupReader {

    private SyncGroupReader() {
    }

    /** The group, or empty (with a warning, as keepalived drops it) when it has no members. */
    static Optional<SyncGroup> read(Stmt block, Diags d) {
        List<String> members = new ArrayList<>();
        List<TrackInterface> ifs = new ArrayList<>();
        List<TrackRef> scripts = new ArrayList<>();
        List<TrackRef> files = new ArrayList<>();
        NotifyReader notify = new NotifyReader();
        var st = new Object() {
            boolean smtpAlert;
            boolean priorityChanges;
            boolean trackingWeight;
        };
        BlockWalker.walk(Block.VRRP_SYNC_GROUP, block.children(), d, s -> {
            if (notify.accept(s, d)) {
                return;
            }
            switch (s.keyword()) {
                case "group" -> {
                    members.addAll(s.args());
                    EntryLine.of(s).forEach(l -> members.addAll(l.words()));
                }
                case "track_interface" -> ifs.addAll(TrackReader.interfaces(s, d));
                case "track_script" -> scripts.addAll(TrackReader.refs(s, 253, d));
                case "track_file" -> files.addAll(TrackReader.refs(s, 254, d));
                case "smtp_alert" -> st.smtpAlert = Values.flag(s, d, st.smtpAlert);
                case "notify_priority_changes" -> st.priorityChanges = Values.flag(s, d, st.priorityChanges);
                case "sync_group_tracking_weight" -> st.trackingWeight = true;
                default -> d.unhandled(Block.VRRP_SYNC_GROUP, s);
            }
        });
        String name = block.arg(0);
        if (members.isEmpty()) {
            d.warning(block.where(), "vrrp_sync_group " + name + " has no members, ignored");
            return Optional.empty();
        }
        return Optional.of(new SyncGroup(name, members, ifs, scripts, files, notify.result(), st.smtpAlert,
                st.priorityChanges, st.trackingWeight, block.where()));
    }
}
