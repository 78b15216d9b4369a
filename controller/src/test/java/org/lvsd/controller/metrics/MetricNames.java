package org.lvsd.controller.metrics;

import java.util.Map;
import java.util.TreeMap;

/** Every family lvsd exposes, with its Prometheus type: the contract of peers.md §B.4. */
final class MetricNames {

    static final Map<String, String> ALL = all();

    private MetricNames() {
    }

    private static Map<String, String> all() {
        Map<String, String> m = new TreeMap<>();
        for (String g : new String[] {"lvsd_vrrp_state", "lvsd_vrrp_effective_priority",
                "lvsd_vrrp_last_transition_timestamp_seconds", "lvsd_real_server_up", "lvsd_real_server_weight",
                "lvsd_real_server_configured_weight", "lvsd_real_server_last_change_timestamp_seconds",
                "lvsd_healthcheck_duration_seconds", "lvsd_virtual_server_alive_real_servers",
                "lvsd_virtual_server_quorum_up", "lvsd_ipvs_backend_connections_active",
                "lvsd_ipvs_backend_connections_inactive", "lvsd_ipvs_backend_weight",
                "lvsd_ipvs_reconcile_last_duration_seconds"}) {
            m.put(g, "gauge");
        }
        for (String c : new String[] {"lvsd_vrrp_advertisements_received_total", "lvsd_vrrp_advertisements_sent_total",
                "lvsd_vrrp_become_master_total", "lvsd_vrrp_release_master_total",
                "lvsd_vrrp_priority_zero_received_total", "lvsd_vrrp_priority_zero_sent_total",
                "lvsd_vrrp_gratuitous_arp_sent_total", "lvsd_vrrp_address_list_errors_total",
                "lvsd_vrrp_packet_length_errors_total", "lvsd_vrrp_advertisements_interval_errors_total",
                "lvsd_vrrp_ip_ttl_errors_total", "lvsd_vrrp_invalid_type_received_total",
                "lvsd_vrrp_authentication_invalid_total", "lvsd_vrrp_authentication_mismatch_total",
                "lvsd_vrrp_authentication_failure_total", "lvsd_vrrp_advertisements_rejected_total",
                "lvsd_real_server_up_down_total", "lvsd_healthcheck_failures_total",
                "lvsd_ipvs_backend_connections_total", "lvsd_ipvs_backend_incoming_packets_total",
                "lvsd_ipvs_backend_outgoing_packets_total", "lvsd_ipvs_backend_incoming_bytes_total",
                "lvsd_ipvs_backend_outgoing_bytes_total", "lvsd_ipvs_reconcile_changes_total",
                "lvsd_ipvs_reconcile_drift_total", "lvsd_ipvs_reconcile_failures_total", "lvsd_reloads_total"}) {
            m.put(c, "counter");
        }
        return Map.copyOf(m);
    }
}
