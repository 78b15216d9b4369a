package org.lvsd.vrrp.rx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.codec.AuthType;
import org.lvsd.vrrp.codec.InternetChecksum;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.RejectReason;
import org.lvsd.vrrp.codec.VrrpAdvert;
import org.lvsd.vrrp.codec.VrrpCodec;
import org.lvsd.vrrp.codec.VrrpVersion;
import org.lvsd.vrrp.config.Authentication;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpActions;
import org.lvsd.vrrp.fsm.VrrpInstance;
import org.lvsd.vrrp.fsm.VrrpState;
import org.lvsd.vrrp.time.ManualScheduler;

/**
 * Seeded mutation fuzzing of the whole receive path: 1,200,000 packets derived from valid v2
 * and v3 adverts by bit flips (some with the checksum repaired so deeper checks run),
 * truncation, extension and TTL changes. Nothing may throw, a rejected packet must cause no
 * action and no state change, and the counters must add up.
 */
class ReceivePathFuzzTest {

    private static final long SEED = 0x5EED_1798L;
    private static final int PACKETS_PER_TARGET = 400_000;

    /** Counts actions; a rejected packet must not move it. */
    private static final class CountingActions implements VrrpActions {
        long count;

        @Override
        public void sendAdvert(int priority) {
            count++;
        }

        @Override
        public void announce(int repeat) {
            count++;
        }

        @Override
        public void addVips() {
            count++;
        }

        @Override
        public void removeVips() {
            count++;
        }

        @Override
        public void notify(Transition transition) {
            count++;
        }
    }

    private record Target(String name, InstanceParams params, IpContext ip, byte[] valid) {
    }

    @Test
    void mutatedPacketsNeverEscapeOrChangeStateWhenRejected() {
        InetAddress vip4 = ip("198.51.100.100");
        InetAddress vip6 = ip("2001:db8::100");
        IpContext ip4 = new IpContext(ip("198.51.100.3"), ip("224.0.0.18"), 255);
        IpContext ip6 = new IpContext(ip("fe80::3"), ip("ff02::12"), 255);
        List<Target> targets = List.of(
                new Target("v2-pass", InstanceParams.builder("v2", 51, ip("198.51.100.2")).priority(120)
                        .vips(List.of(vip4)).auth(Authentication.pass("lvsd1234")).build(), ip4,
                        VrrpCodec.encode(VrrpAdvert.v2(51, 100, 1, List.of(vip4), AuthType.PASS,
                                "lvsd1234".getBytes()), ip4, false)),
                new Target("v3-ipv4", InstanceParams.builder("v3", 52, ip("198.51.100.2")).priority(120)
                        .version(VrrpVersion.V3).vips(List.of(vip4)).build(), ip4,
                        VrrpCodec.encode(VrrpAdvert.v3(AddressFamily.INET, 52, 100, 100, List.of(vip4)), ip4, false)),
                new Target("v3-ipv6", InstanceParams.builder("v6", 53, ip("fe80::2")).priority(120)
                        .version(VrrpVersion.V3).vips(List.of(vip6)).build(), ip6,
                        VrrpCodec.encode(VrrpAdvert.v3(AddressFamily.INET6, 53, 100, 100, List.of(vip6)), ip6, false)));

        SplittableRandom random = new SplittableRandom(SEED);
        long total = 0;
        for (Target t : targets) {
            ManualScheduler clock = new ManualScheduler();
            CountingActions actions = new CountingActions();
            VrrpInstance instance = new VrrpInstance(t.params(), actions, clock);
            AdvertReceiver receiver = new AdvertReceiver(instance, clock, Duration.ofSeconds(10));
            instance.start();
            long accepted = 0;
            for (int i = 0; i < PACKETS_PER_TARGET; i++) {
                if (i % 1_000 == 0) {
                    clock.advance(Duration.ofMillis(random.nextInt(1, 2_000)));
                }
                IpContext ip = random.nextInt(50) == 0
                        ? new IpContext(t.ip().source(), t.ip().destination(), random.nextInt(256))
                        : t.ip();
                byte[] packet = mutate(t.valid(), random, ip, t.params().version());
                VrrpState stateBefore = instance.state();
                long actionsBefore = actions.count;
                int pendingBefore = clock.pending();
                Optional<RejectReason> result = receiver.receive(ByteBuffer.wrap(packet), ip);
                if (result.isPresent()) {
                    assertEquals(stateBefore, instance.state(), t.name());
                    assertEquals(actionsBefore, actions.count, t.name());
                    assertEquals(pendingBefore, clock.pending(), t.name());
                } else {
                    accepted++;
                }
            }
            ReceiveCounters c = receiver.counters();
            assertEquals(PACKETS_PER_TARGET, c.received(), t.name());
            assertEquals(accepted, c.accepted(), t.name());
            assertEquals(c.received(), c.accepted() + c.rejectedTotal(), t.name());
            assertEquals(c.accepted(), instance.counters().advertsProcessed() + instance.counters().advertsIgnored(),
                    t.name());
            // The mutations reach deep: both acceptance and the checksum, length and VRID rejections occur.
            assertTrue(c.accepted() > 1_000, t.name() + " accepted " + c.accepted());
            assertTrue(c.rejected(RejectReason.BAD_CHECKSUM) > 1_000, t.name());
            assertTrue(c.rejected(RejectReason.LENGTH_MISMATCH) > 1_000, t.name());
            assertTrue(c.rejected(RejectReason.UNKNOWN_VRID) > 100, t.name());
            total += c.received();
        }
        assertEquals(1_200_000, total);
    }

    private static byte[] mutate(byte[] valid, SplittableRandom random, IpContext ip, VrrpVersion version) {
        int op = random.nextInt(6);
        switch (op) {
            case 0: // truncation
                return Arrays.copyOf(valid, random.nextInt(valid.length));
            case 1: { // extension with random bytes
                byte[] longer = Arrays.copyOf(valid, valid.length + random.nextInt(1, 40));
                for (int i = valid.length; i < longer.length; i++) {
                    longer[i] = (byte) random.nextInt(256);
                }
                return longer;
            }
            case 2: // bit flips, checksum left as is
                return flip(valid.clone(), random);
            default: { // bit flips in the header or body with the checksum repaired
                byte[] bytes = flip(valid.clone(), random);
                repairChecksum(bytes, ip, version);
                return bytes;
            }
        }
    }

    private static byte[] flip(byte[] bytes, SplittableRandom random) {
        int flips = random.nextInt(1, 5);
        for (int i = 0; i < flips; i++) {
            int bit = random.nextInt(bytes.length * 8);
            bytes[bit / 8] ^= (byte) (1 << (bit % 8));
        }
        return bytes;
    }

    /** Recomputes the checksum the way the (possibly mutated) version field says. */
    private static void repairChecksum(byte[] bytes, IpContext ip, VrrpVersion configured) {
        bytes[6] = 0;
        bytes[7] = 0;
        InternetChecksum sum = new InternetChecksum();
        boolean v3 = (bytes[0] & 0xf0) == 0x30 || ((bytes[0] & 0xf0) != 0x20 && configured == VrrpVersion.V3);
        if (v3) {
            sum.add(ip.source().getAddress()).add(ip.destination().getAddress());
            int n = bytes.length;
            sum.add(ip.family() == AddressFamily.INET
                    ? new byte[] {0, 112, (byte) (n >>> 8), (byte) n}
                    : new byte[] {0, 0, (byte) (n >>> 8), (byte) n, 0, 0, 0, 112});
        }
        int c = sum.add(bytes).value();
        bytes[6] = (byte) (c >>> 8);
        bytes[7] = (byte) c;
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
