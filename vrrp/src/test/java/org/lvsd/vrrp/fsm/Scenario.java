package org.lvsd.vrrp.fsm;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.codec.AuthType;
import org.lvsd.vrrp.codec.VrrpAdvert;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.time.ManualScheduler;

/** Shared fixtures for the state machine scenarios. */
final class Scenario {

    static final InetAddress SELF = ip("198.51.100.2");
    static final InetAddress PEER_HIGH = ip("198.51.100.3");
    static final InetAddress PEER_LOW = ip("198.51.100.1");
    static final InetAddress VIP = ip("198.51.100.100");

    final ManualScheduler clock = new ManualScheduler();
    final RecordingActions actions = new RecordingActions(clock);

    static InstanceParams.Builder params() {
        return InstanceParams.builder("VI_1", 51, SELF).vips(List.of(VIP));
    }

    VrrpInstance instance(InstanceParams p) {
        return new VrrpInstance(p, actions, clock);
    }

    void advanceMillis(long ms) {
        clock.advance(Duration.ofMillis(ms));
    }

    void advanceMicros(long us) {
        clock.advance(Duration.ofNanos(us * 1000));
    }

    static VrrpAdvert v2(int priority) {
        return VrrpAdvert.v2(51, priority, 1, List.of(VIP), AuthType.NONE, new byte[8]);
    }

    static VrrpAdvert v3(int priority, int centis) {
        return VrrpAdvert.v3(AddressFamily.INET, 51, priority, centis, List.of(VIP));
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
