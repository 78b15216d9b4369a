package org.lvsd.conf.model;

import java.util.Optional;

/**
 * {@code lvs_sync_daemon IF [[inst] VI] [id N] [maxlen N] [port N] [ttl N] [group IP]}: the
 * IPVS connection-sync daemon, whose role follows a VRRP instance.
 *
 * @param iface interface the daemon sends and listens on
 * @param instance the VRRP instance whose state decides master or backup role
 * @param syncId sync id, 0..255
 * @param maxlen maximum message length
 * @param port UDP port (default 8848)
 * @param ttl multicast TTL
 * @param group multicast group (default 224.0.0.81)
 * @param where origin
 */
public record LvsSyncDaemon(String iface, Optional<String> instance, Optional<Integer> syncId,
        Optional<Integer> maxlen, int port, Optional<Integer> ttl, String group, Where where) {
}
