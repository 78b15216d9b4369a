package org.lvsd.ipvs.kernel;

import java.net.InetAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * A connection-sync daemon's settings (struct ipvs_sync_daemon_cfg, IPVS_DAEMON_ATTR_*). When
 * starting, 0 for maxlen, port or TTL and an empty group mean "the kernel's default" (the
 * attribute is not sent); the kernel reports the values in effect.
 *
 * @param state master or backup
 * @param mcastInterface interface name, at most 15 characters
 * @param syncId sync id (0-255 on the wire of the sync protocol)
 * @param syncMaxlen UDP payload size
 * @param mcastGroup IPv4 or IPv6 multicast group
 * @param mcastPort multicast port
 * @param mcastTtl multicast TTL
 */
public record SyncDaemon(SyncState state, String mcastInterface, int syncId, int syncMaxlen,
                         Optional<InetAddress> mcastGroup, int mcastPort, int mcastTtl) {

    /** Checks the names and ranges the kernel's policy enforces. */
    public SyncDaemon {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(mcastInterface, "mcastInterface");
        Objects.requireNonNull(mcastGroup, "mcastGroup");
        if (mcastInterface.isEmpty() || mcastInterface.length() > 15) {
            throw new IllegalArgumentException("interface name must have 1 to 15 characters: " + mcastInterface);
        }
        if ((syncMaxlen & ~0xffff) != 0 || (mcastPort & ~0xffff) != 0 || (mcastTtl & ~0xff) != 0) {
            throw new IllegalArgumentException("maxlen/port/ttl out of range: " + syncMaxlen + "/" + mcastPort + "/"
                    + mcastTtl);
        }
    }

    /** A daemon with the kernel's defaults for maxlen, group, port and TTL. */
    public static SyncDaemon of(SyncState state, String mcastInterface, int syncId) {
        return new SyncDaemon(state, mcastInterface, syncId, 0, Optional.empty(), 0, 0);
    }
}
