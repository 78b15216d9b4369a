package org.lvsd.vrrp.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.AuthType;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.RejectReason;
import org.lvsd.vrrp.codec.VrrpAdvert;
import org.lvsd.vrrp.codec.VrrpCodec;
import org.lvsd.vrrp.config.Authentication;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpActions;
import org.lvsd.vrrp.fsm.VrrpInstance;
import org.lvsd.vrrp.fsm.VrrpState;
import org.lvsd.vrrp.time.ManualScheduler;

class AdvertReceiverTest {

    static final InetAddress SELF = ip("198.51.100.2");
    static final InetAddress PEER = ip("198.51.100.3");
    static final InetAddress GROUP = ip("224.0.0.18");
    static final InetAddress VIP = ip("198.51.100.100");
    static final IpContext FROM_PEER = new IpContext(PEER, GROUP, 255);

    private final ManualScheduler clock = new ManualScheduler();
    private final VrrpActions quiet = new VrrpActions() {
        @Override
        public void sendAdvert(int priority) {
        }

        @Override
        public void announce(int repeat) {
        }

        @Override
        public void addVips() {
        }

        @Override
        public void removeVips() {
        }

        @Override
        public void notify(Transition transition) {
        }
    };
    private final VrrpInstance instance = new VrrpInstance(InstanceParams.builder("VI_1", 51, SELF)
            .vips(List.of(VIP)).auth(Authentication.pass("lvsd1234")).build(), quiet, clock);
    private final AdvertReceiver receiver = new AdvertReceiver(instance, clock, Duration.ofSeconds(10));

    private static byte[] advert(int vrid, int priority, int interval, String password, List<InetAddress> vips) {
        return VrrpCodec.encode(VrrpAdvert.v2(vrid, priority, interval, vips, AuthType.PASS,
                java.util.Arrays.copyOf(password.getBytes(), 8)), FROM_PEER, false);
    }

    private static byte[] good(int priority) {
        return advert(51, priority, 1, "lvsd1234", List.of(VIP));
    }

    private Optional<RejectReason> receive(byte[] bytes, IpContext ip) {
        return receiver.receive(ByteBuffer.wrap(bytes), ip);
    }

    @Test
    void acceptedAdvertReachesTheStateMachine() {
        instance.start();
        assertEquals(Optional.empty(), receive(good(0), FROM_PEER));
        assertEquals(1, instance.counters().priorityZeroReceived());
        assertEquals(1, receiver.counters().accepted());
    }

    @Test
    void wrongVridIsCountedAndIgnored() {
        instance.start();
        clock.advance(Duration.ofSeconds(1));
        assertEquals(Optional.of(RejectReason.UNKNOWN_VRID),
                receive(advert(52, 0, 1, "lvsd1234", List.of(VIP)), FROM_PEER));
        clock.advance(Duration.ofMillis(609));
        assertEquals(VrrpState.BACKUP, instance.state());
        assertEquals(1, receiver.counters().rejected(RejectReason.UNKNOWN_VRID));
        assertEquals(0, instance.counters().priorityZeroReceived());
    }

    @Test
    void badChecksumIsCounted() {
        byte[] bytes = good(100);
        bytes[2] = (byte) 101;
        assertEquals(Optional.of(RejectReason.BAD_CHECKSUM), receive(bytes, FROM_PEER));
        assertEquals(1, receiver.counters().rejected(RejectReason.BAD_CHECKSUM));
        assertEquals(1, receiver.counters().received());
        assertEquals(0, receiver.counters().accepted());
    }

    @Test
    void multicastNeedsTtl255() {
        assertEquals(Optional.of(RejectReason.BAD_TTL), receive(good(100), new IpContext(PEER, GROUP, 254)));
    }

    @Test
    void wrongPasswordFailsAuthentication() {
        assertEquals(Optional.of(RejectReason.AUTH_FAILURE),
                receive(advert(51, 100, 1, "lvsd9999", List.of(VIP)), FROM_PEER));
    }

    @Test
    void missingAuthenticationIsATypeMismatch() {
        byte[] bytes = VrrpCodec.encode(VrrpAdvert.v2(51, 100, 1, List.of(VIP), AuthType.NONE, new byte[8]),
                FROM_PEER, false);
        assertEquals(Optional.of(RejectReason.AUTH_TYPE_MISMATCH), receive(bytes, FROM_PEER));
    }

    @Test
    void v2IntervalMismatchIsRejected() {
        assertEquals(Optional.of(RejectReason.ADVERT_INTERVAL_MISMATCH),
                receive(advert(51, 100, 2, "lvsd1234", List.of(VIP)), FROM_PEER));
    }

    @Test
    void v3AdvertOnV2InstanceIsAVersionMismatch() {
        byte[] bytes = VrrpCodec.encode(VrrpAdvert.v3(org.lvsd.vrrp.codec.AddressFamily.INET, 51, 100, 100,
                List.of(VIP)), FROM_PEER, false);
        assertEquals(Optional.of(RejectReason.VERSION_MISMATCH), receive(bytes, FROM_PEER));
    }

    @Test
    void ipv6AdvertOnIpv4InstanceIsAFamilyMismatch() {
        IpContext v6 = new IpContext(ip("fe80::3"), ip("ff02::12"), 255);
        assertEquals(Optional.of(RejectReason.FAMILY_MISMATCH), receive(good(100), v6));
    }

    @Test
    void vipMismatchOnlyWarns() {
        instance.start();
        assertEquals(Optional.empty(), receive(advert(51, 150, 1, "lvsd1234", List.of(ip("198.51.100.101"))),
                FROM_PEER));
        assertEquals(1, receiver.counters().warnings(ReceiveWarning.VIP_MISMATCH));
        assertEquals(1, instance.counters().advertsProcessed());
    }

    @Test
    void unicastAdvertOnMulticastInstanceIsAModeMismatch() {
        assertEquals(Optional.of(RejectReason.MODE_MISMATCH), receive(good(100), new IpContext(PEER, SELF, 255)));
    }

    @Test
    void multicastAdvertMustComeToTheInstancesGroup() {
        instance.start();
        InetAddress other = ip("224.0.0.19");
        assertEquals(Optional.of(RejectReason.MODE_MISMATCH), receive(good(100), new IpContext(PEER, other, 255)));
        VrrpInstance onOther = new VrrpInstance(InstanceParams.builder("VI_G", 51, SELF).vips(List.of(VIP))
                .auth(Authentication.pass("lvsd1234")).multicastGroup(other).build(), quiet, clock);
        onOther.start();
        AdvertReceiver r = new AdvertReceiver(onOther, clock, Duration.ofSeconds(10));
        assertEquals(Optional.of(RejectReason.MODE_MISMATCH), r.receive(ByteBuffer.wrap(good(100)), FROM_PEER));
        assertEquals(Optional.empty(), r.receive(ByteBuffer.wrap(good(100)), new IpContext(PEER, other, 255)));
        assertEquals(1, onOther.counters().advertsProcessed());
    }

    @Test
    void unicastInstanceChecksModeTtlRangeAndPeer() {
        VrrpInstance unicast = new VrrpInstance(InstanceParams.builder("VI_U", 51, SELF).vips(List.of(VIP))
                .auth(Authentication.pass("lvsd1234")).unicast(List.of(PEER), true, 250, 255).build(), quiet, clock);
        AdvertReceiver r = new AdvertReceiver(unicast, clock, Duration.ofSeconds(10));
        assertEquals(Optional.of(RejectReason.MODE_MISMATCH), r.receive(ByteBuffer.wrap(good(100)), FROM_PEER));
        assertEquals(Optional.of(RejectReason.BAD_TTL),
                r.receive(ByteBuffer.wrap(good(100)), new IpContext(PEER, SELF, 64)));
        InetAddress stranger = ip("198.51.100.9");
        assertEquals(Optional.of(RejectReason.UNKNOWN_PEER),
                r.receive(ByteBuffer.wrap(good(100)), new IpContext(stranger, SELF, 255)));
        // v2 checksums do not cover the IP addresses, so the same bytes are valid as unicast.
        assertEquals(Optional.empty(), r.receive(ByteBuffer.wrap(good(100)), new IpContext(PEER, SELF, 251)));
    }

    @Test
    void countersAddUp() {
        receive(good(100), FROM_PEER);
        receive(good(100), new IpContext(PEER, GROUP, 1));
        receive(new byte[3], FROM_PEER);
        assertEquals(3, receiver.counters().received());
        assertEquals(receiver.counters().received(),
                receiver.counters().accepted() + receiver.counters().rejectedTotal());
        assertEquals(1L, receiver.counters().rejectedSnapshot().get(RejectReason.TRUNCATED));
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
