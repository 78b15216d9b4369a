package org.lvsd.conf.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole validated configuration. Maps keep the order of the file.
 *
 * @param global {@code global_defs}
 * @param scripts {@code vrrp_script} by name
 * @param trackFiles {@code track_file} by name
 * @param syncGroups {@code vrrp_sync_group} by name
 * @param instances {@code vrrp_instance} by name
 * @param vsGroups {@code virtual_server_group} by name
 * @param virtualServers {@code virtual_server} in order
 */
public record KeepalivedConfig(GlobalDefs global, Map<String, VrrpScript> scripts, Map<String, TrackFile> trackFiles,
        Map<String, SyncGroup> syncGroups, Map<String, VrrpInstance> instances,
        Map<String, VirtualServerGroup> vsGroups, List<VirtualServer> virtualServers) {

    public KeepalivedConfig {
        scripts = ordered(scripts);
        trackFiles = ordered(trackFiles);
        syncGroups = ordered(syncGroups);
        instances = ordered(instances);
        vsGroups = ordered(vsGroups);
        virtualServers = List.copyOf(virtualServers);
    }

    private static <V> Map<String, V> ordered(Map<String, V> m) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(m));
    }
}
