package org.lvsd.conf.model;

import java.util.List;

/**
 * {@code vrrp_sync_group NAME { ... }}: instances that change state together.
 *
 * @param name the group's name
 * @param members member instance names in order
 * @param trackInterfaces {@code track_interface} entries
 * @param trackScripts {@code track_script} entries
 * @param trackFiles {@code track_file} entries
 * @param notifyScripts notify scripts
 * @param smtpAlert {@code smtp_alert}
 * @param notifyPriorityChanges {@code notify_priority_changes}
 * @param trackingWeight {@code sync_group_tracking_weight}: honour member tracker weights
 * @param where origin
 */
public record SyncGroup(String name, List<String> members, List<TrackInterface> trackInterfaces,
        List<TrackRef> trackScripts, List<TrackRef> trackFiles, Notify notifyScripts, boolean smtpAlert,
        boolean notifyPriorityChanges, boolean trackingWeight, Where where) {

    public SyncGroup {
        members = List.copyOf(members);
        trackInterfaces = List.copyOf(trackInterfaces);
        trackScripts = List.copyOf(trackScripts);
        trackFiles = List.copyOf(trackFiles);
    }
}
