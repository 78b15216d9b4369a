package org.lvsd.vrrp.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.lvsd.vrrp.rx.AdvertReceiverTest.FROM_PEER;
import static org.lvsd.vrrp.rx.AdvertReceiverTest.SELF;
import static org.lvsd.vrrp.rx.AdvertReceiverTest.VIP;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.AuthType;
import org.lvsd.vrrp.codec.RejectReason;
import org.lvsd.vrrp.codec.VrrpAdvert;
import org.lvsd.vrrp.codec.VrrpCodec;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpActions;
import org.lvsd.vrrp.fsm.VrrpInstance;
import org.lvsd.vrrp.time.ManualScheduler;

class AdvertDispatcherTest {

    private final ManualScheduler clock = new ManualScheduler();
    private final VrrpActions none = new VrrpActions() {
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

    private AdvertReceiver receiver(String name, int vrid) {
        return new AdvertReceiver(new VrrpInstance(InstanceParams.builder(name, vrid, SELF).vips(List.of(VIP)).build(),
                none, clock), clock, Duration.ofSeconds(10));
    }

    private static ByteBuffer advert(int vrid) {
        return ByteBuffer.wrap(VrrpCodec.encode(VrrpAdvert.v2(vrid, 100, 1, List.of(VIP), AuthType.NONE, new byte[8]),
                FROM_PEER, false));
    }

    @Test
    void routesByVridAndCountsTheRest() {
        AdvertReceiver a = receiver("VI_1", 51);
        AdvertReceiver b = receiver("VI_2", 52);
        AdvertDispatcher dispatcher = new AdvertDispatcher(List.of(a, b));
        assertEquals(Optional.empty(), dispatcher.dispatch(advert(52), FROM_PEER));
        assertEquals(Optional.of(RejectReason.UNKNOWN_VRID), dispatcher.dispatch(advert(53), FROM_PEER));
        assertEquals(Optional.of(RejectReason.TRUNCATED), dispatcher.dispatch(ByteBuffer.wrap(new byte[1]), FROM_PEER));
        assertEquals(0, a.counters().received());
        assertEquals(1, b.counters().accepted());
        assertEquals(2, dispatcher.unrouted().received());
        assertEquals(1, dispatcher.unrouted().rejected(RejectReason.UNKNOWN_VRID));
    }

    @Test
    void refusesTwoInstancesWithOneVrid() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new AdvertDispatcher(List.of(receiver("VI_1", 51), receiver("VI_2", 51))));
        assertEquals("VRID 51 used by VI_1 and VI_2 on the same interface", e.getMessage());
    }
}
