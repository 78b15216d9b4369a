package org.lvsd.vrrp.rx;

import java.net.InetAddress;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.lvsd.vrrp.codec.AuthType;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.RejectReason;
import org.lvsd.vrrp.codec.VrrpAdvert;
import org.lvsd.vrrp.codec.VrrpProtocolException;
import org.lvsd.vrrp.codec.VrrpVersion;
import org.lvsd.vrrp.config.InstanceParams;

/**
 * RFC 5798 §7.1 / RFC 3768 §7.1 receive checks against one instance's parameters, in the
 * order keepalived applies them (reference §2.9). Pure: no counters, no logging.
 */
public final class ReceiveChecks {

    /** RFC 5798 §5.1.1.3 / §5.1.2.3: multicast adverts carry TTL / hop limit 255. */
    public static final int MULTICAST_TTL = 255;

    private final InstanceParams params;
    private final byte[] authData;

    public ReceiveChecks(InstanceParams params) {
        this.params = params;
        this.authData = params.auth().data();
    }

    /**
     * Checks made before decoding: family, multicast vs unicast mode, the multicast group, TTL
     * (multicast 255, unicast range), then the unicast source.
     */
    public void checkIp(IpContext ip) throws VrrpProtocolException {
        if (ip.family() != params.family()) {
            throw new VrrpProtocolException(RejectReason.FAMILY_MISMATCH, ip.family() + " advert for a "
                    + params.family() + " instance");
        }
        if (ip.multicast() == params.unicast()) {
            throw new VrrpProtocolException(RejectReason.MODE_MISMATCH, (ip.multicast() ? "multicast" : "unicast")
                    + " advert to " + ip.destination().getHostAddress() + " for a "
                    + (params.unicast() ? "unicast" : "multicast") + " instance");
        }
        if (ip.multicast() && !ip.destination().equals(params.multicastGroup())) {
            // keepalived reference §2.9 #12: the advert must come to the instance's group (mcast_dst_ip).
            throw new VrrpProtocolException(RejectReason.MODE_MISMATCH, "advert to group "
                    + ip.destination().getHostAddress() + ", ours is " + params.multicastGroup().getHostAddress());
        }
        if (ip.multicast() ? ip.ttl() != MULTICAST_TTL
                : ip.ttl() < params.unicastMinTtl() || ip.ttl() > params.unicastMaxTtl()) {
            throw new VrrpProtocolException(RejectReason.BAD_TTL, "TTL " + ip.ttl());
        }
        if (params.checkUnicastSource() && !params.unicastPeers().contains(ip.source())) {
            throw new VrrpProtocolException(RejectReason.UNKNOWN_PEER, "not a unicast peer");
        }
    }

    /** Checks on the decoded advert; returns the warnings of an accepted advert. */
    public List<ReceiveWarning> checkAdvert(VrrpAdvert advert) throws VrrpProtocolException {
        if (advert.vrid() != params.vrid()) {
            throw new VrrpProtocolException(RejectReason.UNKNOWN_VRID, "VRID " + advert.vrid());
        }
        if (advert.version() != params.version()) {
            throw new VrrpProtocolException(RejectReason.VERSION_MISMATCH,
                    "version " + advert.version() + ", configured " + params.version());
        }
        List<ReceiveWarning> warnings = new ArrayList<>(2);
        if (advert.version() == VrrpVersion.V2) {
            checkV2(advert);
        } else if (advert.advertInterval() == 0) {
            // RFC 9568 §7.1 (erratum 8301): a zero interval would zero Skew_Time and the down timer.
            throw new VrrpProtocolException(RejectReason.ADVERT_INTERVAL_MISMATCH, "advert interval 0");
        } else if (advert.advertInterval() != params.advertIntervalWire()) {
            warnings.add(ReceiveWarning.ADVERT_INTERVAL_DIFFERS);
        }
        if (!new HashSet<InetAddress>(advert.addresses()).equals(new HashSet<>(params.vips()))
                || advert.addresses().size() != params.vips().size()) {
            warnings.add(ReceiveWarning.VIP_MISMATCH);
        }
        return warnings;
    }

    private void checkV2(VrrpAdvert advert) throws VrrpProtocolException {
        // RFC 3768 §7.1 (and RFC 2338 §7.1 for the password) and §5.3.7 interval equality.
        if (advert.authType() != params.auth().type()) {
            throw new VrrpProtocolException(RejectReason.AUTH_TYPE_MISMATCH,
                    "auth type " + advert.authType() + ", configured " + params.auth().type());
        }
        // Constant-time comparison of the simple password.
        if (advert.authType() != AuthType.NONE
                && !MessageDigest.isEqual(advert.authData(), authData)) {
            throw new VrrpProtocolException(RejectReason.AUTH_FAILURE, "password differs");
        }
        if (advert.advertInterval() != params.advertIntervalWire()) {
            throw new VrrpProtocolException(RejectReason.ADVERT_INTERVAL_MISMATCH,
                    "interval " + advert.advertInterval() + " s, ours " + params.advertIntervalWire() + " s");
        }
    }
}
