package org.lvsd.conf.model;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code global_defs} (keepalived.conf(5)), with keepalived's defaults filled in.
 *
 * @param routerId {@code router_id}; empty means the host name
 * @param mcastGroup4 {@code vrrp_mcast_group4} (224.0.0.18)
 * @param mcastGroup6 {@code vrrp_mcast_group6} (ff02::12)
 * @param vrrpVersion {@code vrrp_version} (2)
 * @param garp {@code vrrp_garp_*} defaults for instances
 * @param garpInterval {@code vrrp_garp_interval} (0)
 * @param gnaInterval {@code vrrp_gna_interval} (0)
 * @param minGarp {@code vrrp_min_garp}
 * @param downTimerAdverts {@code vrrp_down_timer_adverts} (3)
 * @param lowerPrioNoAdvert {@code vrrp_lower_prio_no_advert}
 * @param higherPrioSendAdvert {@code vrrp_higher_prio_send_advert}
 * @param checkUnicastSrc {@code vrrp_check_unicast_src}
 * @param skipCheckAdvAddr {@code vrrp_skip_check_adv_addr}
 * @param strict {@code vrrp_strict}
 * @param startupDelay {@code vrrp_startup_delay}
 * @param notifyPriorityChanges {@code vrrp_notify_priority_changes}
 * @param v3ChecksumAsV2 {@code v3_checksum_as_v2} default for instances
 * @param lvsSyncDaemon {@code lvs_sync_daemon}
 * @param lvsTimeouts {@code lvs_timeouts}
 * @param lvsFlush {@code lvs_flush}
 * @param lvsFlushOnStop {@code lvs_flush_on_stop}
 * @param scriptUser {@code script_user} user
 * @param scriptGroup {@code script_user} group
 * @param enableScriptSecurity {@code enable_script_security}
 * @param notifyFifo {@code notify_fifo}
 * @param vrrpNotifyFifo {@code vrrp_notify_fifo}
 * @param lvsNotifyFifo {@code lvs_notify_fifo}
 * @param stateDumpFile {@code state_dump_file} (default /tmp/lvsd.data: keepalived's keepalived.data, lvsd's name)
 * @param statsDumpFile {@code stats_dump_file} (default /tmp/lvsd.stats)
 * @param jsonDumpFile {@code json_dump_file} (default /tmp/lvsd.json)
 * @param checkerLogAllFailures {@code checker_log_all_failures}
 * @param dynamicInterfaces {@code dynamic_interfaces}
 * @param smtp e-mail settings
 * @param lvsd lvsd's own settings
 */
public record GlobalDefs(Optional<String> routerId, InetAddress mcastGroup4, InetAddress mcastGroup6,
        int vrrpVersion, GarpSettings garp, Duration garpInterval, Duration gnaInterval, boolean minGarp,
        int downTimerAdverts, boolean lowerPrioNoAdvert, boolean higherPrioSendAdvert, boolean checkUnicastSrc,
        boolean skipCheckAdvAddr, boolean strict, Duration startupDelay, boolean notifyPriorityChanges,
        boolean v3ChecksumAsV2, Optional<LvsSyncDaemon> lvsSyncDaemon, LvsTimeouts lvsTimeouts, boolean lvsFlush,
        FlushOnStop lvsFlushOnStop, Optional<String> scriptUser, Optional<String> scriptGroup,
        boolean enableScriptSecurity, Optional<Fifo> notifyFifo, Optional<Fifo> vrrpNotifyFifo,
        Optional<Fifo> lvsNotifyFifo, String stateDumpFile, String statsDumpFile, String jsonDumpFile,
        boolean checkerLogAllFailures, boolean dynamicInterfaces, Smtp smtp, LvsdSettings lvsd) {
}
