package org.lvsd.vrrp.rx;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.RejectReason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Routes the adverts received on one interface and family to the instance owning their VRID
 * (RFC 5798 §7.1: the VRID must be configured on the receiving interface; keepalived
 * reference §2.5). Adverts for no instance are counted here, not in any instance.
 */
public final class AdvertDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(AdvertDispatcher.class);

    private final Map<Integer, AdvertReceiver> byVrid = new HashMap<>();
    private final ReceiveCounters unrouted = new ReceiveCounters();

    public AdvertDispatcher(List<AdvertReceiver> receivers) {
        for (AdvertReceiver r : receivers) {
            AdvertReceiver previous = byVrid.put(r.vrid(), r);
            if (previous != null) {
                throw new IllegalArgumentException("VRID " + r.vrid() + " used by " + previous.instanceName()
                        + " and " + r.instanceName() + " on the same interface");
            }
        }
    }

    /** Adverts that reached no instance (too short to carry a VRID, or an unknown VRID). */
    public ReceiveCounters unrouted() {
        return unrouted;
    }

    /** Hands {@code vrrp} to its instance's receiver; returns the rejection, if any. */
    public Optional<RejectReason> dispatch(ByteBuffer vrrp, IpContext ip) {
        if (vrrp.remaining() < 2) {
            return unroutable(RejectReason.TRUNCATED);
        }
        AdvertReceiver receiver = byVrid.get(vrrp.get(vrrp.position() + 1) & 0xff);
        if (receiver == null) {
            LOG.debug("advert for unknown VRID {} from {}", vrrp.get(vrrp.position() + 1) & 0xff,
                    ip.source().getHostAddress());
            return unroutable(RejectReason.UNKNOWN_VRID);
        }
        return receiver.receive(vrrp, ip);
    }

    private Optional<RejectReason> unroutable(RejectReason reason) {
        unrouted.countReceived();
        unrouted.countRejected(reason);
        return Optional.of(reason);
    }
}
