package org.lvsd.conf.model;

import static org.lvsd.conf.model.Keyword.MANY;

import java.util.List;

/** Keywords of the top level, global_defs and the VRRP blocks (keepalived.conf(5)). */
final class VrrpKeywords {

    private VrrpKeywords() {
    }

    static List<Keyword> all() {
        KeywordTable t = new KeywordTable();
        t.block(Block.ROOT)
                .supported("global_defs", 0, 0)
                .supported("vrrp_script", 1, 1)
                .supported("track_file", 1, 1)
                .supported("vrrp_track_file", 1, 1, "legacy alias of track_file")
                .supported("vrrp_sync_group", 1, 1)
                .supported("vrrp_instance", 1, 1)
                .supported("virtual_server_group", 1, 1)
                .supported("virtual_server", 1, 2)
                .noEffect("use_pid_dir", "child_wait_time", "linkbeat_use_polling", "instance",
                        "namespace_with_ipsets")
                .unsupported("net_namespace", "net_namespace_ipvs", "linkbeat_interfaces",
                        "interface_up_down_delays", "track_group", "static_ipaddress", "static_routes",
                        "static_rules", "vrrp_track_process", "bfd_instance", "garp_group", "SSL");
        globalDefs(t);
        t.block(Block.VRRP_SCRIPT)
                .supported("script", 1, MANY)
                .supported("interval", 1, 1)
                .supported("timeout", 1, 1)
                .supported("weight", 1, 2)
                .supported("rise", 1, 1)
                .supported("fall", 1, 1)
                .supported("user", 1, 2)
                .supported("init_fail", 0, 0);
        t.block(Block.TRACK_FILE)
                .supported("file", 1, 1)
                .supported("weight", 1, 2)
                .supported("init_file", 0, 2);
        t.block(Block.VRRP_SYNC_GROUP)
                .supported("group", 0, MANY)
                .supported("track_interface", 0, 0)
                .supported("track_script", 0, 0)
                .supported("track_file", 0, 0);
        notifies(t);
        t.supported("smtp_alert", 0, 1)
                .supported("notify_priority_changes", 0, 1)
                .supported("sync_group_tracking_weight", 0, 0)
                .noEffect("global_tracking")
                .unsupported("track_process", "track_bfd");
        instance(t);
        t.block(Block.AUTHENTICATION)
                .supported("auth_type", 1, 1)
                .supported("auth_pass", 1, 1);
        return t.keywords();
    }

    private static void notifies(KeywordTable t) {
        for (String n : List.of("notify_master", "notify_backup", "notify_fault", "notify_stop",
                "notify_deleted", "notify", "notify_master_rx_lower_pri")) {
            t.supported(n, 1, 3);
        }
    }

    private static void globalDefs(KeywordTable t) {
        t.block(Block.GLOBAL_DEFS)
                .supported("router_id", 1, 1)
                .supported("notification_email", 0, MANY)
                .supported("notification_email_from", 1, 1)
                .supported("smtp_server", 1, 2)
                .supported("smtp_helo_name", 1, 1)
                .supported("smtp_connect_timeout", 1, 1)
                .supported("smtp_alert", 0, 1)
                .supported("smtp_alert_vrrp", 0, 1)
                .supported("smtp_alert_checker", 0, 1)
                .supported("no_email_faults", 0, 0)
                .supported("checker_log_all_failures", 0, 1)
                .supported("vrrp_mcast_group4", 1, 1)
                .supported("vrrp_mcast_group6", 1, 1)
                .supported("vrrp_version", 1, 1)
                .supported("vrrp_garp_master_delay", 1, 1)
                .supported("vrrp_garp_master_repeat", 1, 1)
                .supported("vrrp_garp_lower_prio_delay", 1, 1)
                .supported("vrrp_garp_lower_prio_repeat", 1, 1)
                .supported("vrrp_garp_master_refresh", 1, 1)
                .supported("vrrp_garp_master_refresh_repeat", 1, 1)
                .supported("vrrp_garp_interval", 1, 1)
                .supported("vrrp_gna_interval", 1, 1)
                .supported("vrrp_min_garp", 0, 1)
                .supported("vrrp_down_timer_adverts", 1, 1)
                .supported("vrrp_lower_prio_no_advert", 0, 1)
                .supported("vrrp_higher_prio_send_advert", 0, 1)
                .supported("vrrp_check_unicast_src", 0, 0)
                .supported("vrrp_skip_check_adv_addr", 0, 1)
                .supported("vrrp_strict", 0, 0)
                .supported("vrrp_startup_delay", 1, 1)
                .supported("vrrp_notify_priority_changes", 0, 1)
                .supported("v3_checksum_as_v2", 0, 1)
                .supported("lvs_sync_daemon", 1, MANY)
                .supported("lvs_timeouts", 2, 6)
                .supported("lvs_flush", 0, 0)
                .supported("lvs_flush_on_stop", 0, 1)
                .supported("lvs_flush_onstop", 0, 1, "legacy alias of lvs_flush_on_stop")
                .supported("script_user", 1, 2)
                .supported("enable_script_security", 0, 0)
                .supported("notify_fifo", 1, 3)
                .supported("notify_fifo_script", 1, 3)
                .supported("vrrp_notify_fifo", 1, 3)
                .supported("vrrp_notify_fifo_script", 1, 3)
                .supported("lvs_notify_fifo", 1, 3)
                .supported("lvs_notify_fifo_script", 1, 3)
                .supported("state_dump_file", 1, 1)
                .supported("stats_dump_file", 1, 1)
                .supported("json_dump_file", 1, 1)
                .supported("dynamic_interfaces", 0, 1)
                .supported("lvs_driver", 1, 1, "lvsd extension: kernel|userspace|auto")
                .supported("control_socket", 1, 1, "lvsd extension")
                .supported("metrics_listen", 1, 1, "lvsd extension: ADDR:PORT")
                .supported("lvs_reconcile_interval", 1, 1, "lvsd extension: SECONDS between IPVS drift repairs")
                .noEffect("enable_snmp_vrrp", "enable_snmp_checker", "enable_snmp_rfc", "enable_snmp_rfcv2",
                        "enable_snmp_rfcv3", "enable_snmp_keepalived", "enable_traps", "snmp_socket",
                        "enable_dbus", "dbus_service_name", "dbus_no_interface_name", "vrrp_priority",
                        "checker_priority", "bfd_priority", "vrrp_rt_priority", "checker_rt_priority",
                        "bfd_rt_priority", "vrrp_cpu_affinity", "checker_cpu_affinity", "bfd_cpu_affinity",
                        "vrrp_no_swap", "checker_no_swap", "bfd_no_swap", "vrrp_rlimit_rttime",
                        "vrrp_rlimit_rtime", "checker_rlimit_rttime", "bfd_rlimit_rttime",
                        "max_auto_priority", "min_auto_priority_delay", "vrrp_netlink_cmd_rcv_bufs",
                        "vrrp_netlink_cmd_rcv_bufs_force", "vrrp_netlink_monitor_rcv_bufs",
                        "vrrp_netlink_monitor_rcv_bufs_force", "lvs_netlink_cmd_rcv_bufs",
                        "lvs_netlink_cmd_rcv_bufs_force", "lvs_netlink_monitor_rcv_bufs",
                        "lvs_netlink_monitor_rcv_bufs_force", "process_monitor_rcv_bufs",
                        "process_monitor_rcv_bufs_force", "vrrp_rx_bufs_policy", "vrrp_rx_bufs_multiplier",
                        "process_names", "process_name", "vrrp_process_name", "checker_process_name",
                        "bfd_process_name", "umask", "random_seed", "config_save_dir", "tmp_config_directory",
                        "data_use_instance", "json_version", "log_unknown_vrids", "disable_local_igmp",
                        "no_checker_emails", "linkbeat_use_polling")
                .unsupported("vrrp_iptables", "vrrp_ipsets", "nftables", "nftables_priority",
                        "nftables_counters", "nftables_ifindex", "nftables_ipvs", "nftables_ipvs_priority",
                        "nftables_ipvs_start_fwmark", "vrrp_garp_extra_if", "vrrp_delay_after_boot",
                        "vrrp_owner_ignore_adverts", "reload_check_config", "reload_time_file",
                        "reload_repeat", "reload_file", "startup_script", "startup_script_timeout",
                        "shutdown_script", "shutdown_script_timeout", "default_interface", "rs_init_notifies",
                        "fifo_write_vrrp_states_on_reload", "vmac_prefix", "vmac_addr_prefix",
                        "vrrp_vmac_garp_intvl");
    }

    private static void instance(KeywordTable t) {
        t.block(Block.VRRP_INSTANCE)
                .supported("state", 1, 1)
                .supported("interface", 1, 1)
                .supported("virtual_router_id", 1, 1)
                .supported("priority", 1, 1)
                .supported("advert_int", 1, 1)
                .supported("version", 1, 1)
                .supported("nopreempt", 0, 0)
                .supported("preempt", 0, 0, "legacy: clears nopreempt")
                .supported("preempt_delay", 1, 1)
                .supported("garp_master_delay", 1, 1)
                .supported("garp_master_repeat", 1, 1)
                .supported("garp_master_refresh", 1, 1)
                .supported("garp_master_refresh_repeat", 1, 1)
                .supported("garp_lower_prio_delay", 1, 1)
                .supported("garp_lower_prio_repeat", 1, 1)
                .supported("lower_prio_no_advert", 0, 1)
                .supported("higher_prio_send_advert", 0, 1)
                .supported("down_timer_adverts", 1, 1)
                .supported("virtual_ipaddress", 0, 0)
                .supported("virtual_ipaddress_excluded", 0, 0)
                .supported("no_virtual_ipaddress", 0, 0)
                .supported("virtual_routes", 0, 0)
                .supported("virtual_rules", 0, 0)
                .supported("track_interface", 0, 0)
                .supported("track_script", 0, 0)
                .supported("track_file", 0, 0)
                .supported("dont_track_primary", 0, 0)
                .supported("mcast_src_ip", 1, 1)
                .supported("unicast_src_ip", 1, 1)
                .supported("mcast_dst_ip", 1, 1)
                .supported("unicast_peer", 0, 0)
                .supported("unicast_ttl", 1, 1)
                .supported("check_unicast_src", 0, 0)
                .supported("v3_checksum_as_v2", 0, 1)
                .supported("authentication", 0, 0)
                .supported("accept", 0, 0)
                .supported("no_accept", 0, 0)
                .supported("use_vmac", 0, 1)
                .supported("strict_mode", 0, 1)
                .supported("skip_check_adv_addr", 0, 1);
        notifies(t);
        t.supported("notify_priority_changes", 0, 1)
                .supported("smtp_alert", 0, 1)
                .supported("lvs_sync_daemon_interface", 1, 1, "legacy: use global lvs_sync_daemon")
                .noEffect("native_ipv6", "kernel_rx_buf_size", "linkbeat_use_polling", "debug")
                .unsupported("promote_secondaries", "timer_expired_backup", "garp_extra_if", "track_src_ip",
                        "unicast_fault_no_peer", "old_unicast_checksum", "auth_hmac", "vmac_xmit_base",
                        "use_vmac_addr", "use_ipvlan", "vrf", "owner_ignore_adverts", "track_process",
                        "track_bfd");
    }
}
