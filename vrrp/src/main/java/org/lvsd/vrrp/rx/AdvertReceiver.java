package org.lvsd.vrrp.rx;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.RejectReason;
import org.lvsd.vrrp.codec.VrrpAdvert;
import org.lvsd.vrrp.codec.VrrpCodec;
import org.lvsd.vrrp.codec.VrrpProtocolException;
import org.lvsd.vrrp.fsm.VrrpInstance;
import org.lvsd.vrrp.time.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receive path of one instance: checks, decode, more checks, counting, rate-limited logging,
 * and hand-over of accepted adverts to the state machine. Call on the scheduler's thread.
 */
public final class AdvertReceiver {

    private static final Logger LOG = LoggerFactory.getLogger(AdvertReceiver.class);
    /** Default spacing of log lines per reason and sender. */
    public static final Duration DEFAULT_LOG_INTERVAL = Duration.ofSeconds(10);

    private final VrrpInstance instance;
    private final ReceiveChecks checks;
    private final ReceiveCounters counters = new ReceiveCounters();
    private final RateLimitedLog rateLimit;

    public AdvertReceiver(VrrpInstance instance, Scheduler clock, Duration logInterval) {
        this.instance = instance;
        this.checks = new ReceiveChecks(instance.params());
        this.rateLimit = new RateLimitedLog(clock, logInterval);
    }

    public ReceiveCounters counters() {
        return counters;
    }

    int vrid() {
        return instance.params().vrid();
    }

    String instanceName() {
        return instance.name();
    }

    /**
     * Handles one VRRP message (the IP payload, padding stripped). Returns the rejection
     * reason, or empty when the advert was accepted and given to the instance.
     */
    public Optional<RejectReason> receive(ByteBuffer vrrp, IpContext ip) {
        counters.countReceived();
        VrrpAdvert advert;
        List<ReceiveWarning> warnings;
        try {
            checks.checkIp(ip);
            advert = VrrpCodec.decode(vrrp, ip, instance.params().v3ChecksumAsV2());
            warnings = checks.checkAdvert(advert);
        } catch (VrrpProtocolException e) {
            counters.countRejected(e.reason());
            long suppressed = rateLimit.admit(e.reason(), ip.source());
            if (suppressed >= 0) {
                LOG.warn("{}: advert from {} rejected: {}{}", instance.name(), ip.source().getHostAddress(),
                        e.getMessage(), suppressed > 0 ? " (" + suppressed + " more suppressed)" : "");
            }
            return Optional.of(e.reason());
        }
        counters.countAccepted();
        for (ReceiveWarning w : warnings) {
            counters.countWarning(w);
            long suppressed = rateLimit.admit(w, ip.source());
            if (suppressed >= 0) {
                LOG.info("{}: advert from {}: {} ({}){}", instance.name(), ip.source().getHostAddress(), w,
                        advert, suppressed > 0 ? " (" + suppressed + " more suppressed)" : "");
            }
        }
        instance.onAdvert(advert, ip.source());
        return Optional.empty();
    }
}
