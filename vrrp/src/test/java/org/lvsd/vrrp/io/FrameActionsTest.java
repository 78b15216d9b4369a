package org.lvsd.vrrp.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.InputStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.config.Authentication;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.fsm.VrrpState;
import org.lvsd.vrrp.wire.GratuitousArp;
import org.lvsd.vrrp.wire.MacAddress;
import org.lvsd.vrrp.unicast.ReceivedIp;

class FrameActionsTest {

    static final MacAddress MAC = MacAddress.parse("02:51:00:00:00:02");
    static final InetAddress VIP1 = ip("198.51.100.100");
    static final InetAddress VIP2 = ip("198.51.100.101");

    /** Same parameters as the keepalived instance of resources/captured/v2-pass-ipv4-*. */
    static final InstanceParams PARAMS = InstanceParams.builder("VI_CAP", 51, ip("198.51.100.2")).priority(150)
            .auth(Authentication.pass("lvsd1234")).vips(List.of(VIP1, VIP2)).build();

    private final List<byte[]> sent = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private boolean failSends;

    private final AdvertTransport transport = new AdvertTransport() {
        @Override
        public MacAddress interfaceMac() {
            return MAC;
        }

        @Override
        public void send(byte[] frame) throws IOException {
            if (failSends) {
                throw new IOException("link down");
            }
            sent.add(frame);
        }

        @Override
        public void start(Consumer<ReceivedIp> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    };

    private final AddressManager addresses = new AddressManager() {
        @Override
        public void add(List<InetAddress> vips) {
            calls.add("add " + vips.size());
        }

        @Override
        public void remove(List<InetAddress> vips) {
            calls.add("remove " + vips.size());
        }
    };

    private final FrameActions actions = new FrameActions(PARAMS, transport, addresses, new VrrpListener() {
        @Override
        public void notify(Transition t) {
            calls.add("notify " + t.to() + " " + t.reason());
        }

        @Override
        public void masterReceivedLowerPriority(InetAddress from, int priority) {
            calls.add("lower " + priority + " from " + from.getHostAddress());
        }

        @Override
        public void priorityChanged(VrrpState state, int from, int to) {
            calls.add("priority " + from + "->" + to + " in " + state);
        }
    });

    @Test
    void advertFramesMatchKeepalivedWithIncrementingIdentification() throws IOException {
        actions.sendAdvert(150);
        actions.sendAdvert(150);
        byte[] captured = captured("advert");
        byte[] first = captured.clone();
        // Identification 0 instead of 1: the header checksum grows by one (0xb058 -> 0xb059).
        first[19] = 0;
        first[25] = 0x59;
        assertEquals(HexFormat.of().formatHex(first), HexFormat.of().formatHex(sent.get(0)));
        assertArrayEquals(captured, sent.get(1));
    }

    @Test
    void announceSendsOneGarpPerVipPerRepeat() throws IOException {
        actions.announce(2);
        assertEquals(4, sent.size());
        assertArrayEquals(captured("garp"), sent.get(0));
        assertArrayEquals(GratuitousArp.frame(MAC, (Inet4Address) VIP2), sent.get(1));
        assertArrayEquals(sent.get(0), sent.get(2));
        assertArrayEquals(sent.get(1), sent.get(3));
    }

    @Test
    void vipsAndTransitionsGoToTheirCollaborators() {
        actions.addVips();
        actions.removeVips();
        actions.notify(new Transition("VI_CAP", VrrpState.BACKUP, VrrpState.MASTER, 150, "master down timer expired"));
        actions.masterReceivedLowerPriority(ip("198.51.100.3"), 50);
        actions.priorityChanged(VrrpState.MASTER, 150, 130);
        assertEquals(List.of("add 2", "remove 2", "notify MASTER master down timer expired",
                "lower 50 from 198.51.100.3", "priority 150->130 in MASTER"), calls);
    }

    @Test
    void warmUpBuildsTheTakeoverFramesWithoutSendingOrChangingState() throws IOException {
        List<byte[]> built = actions.warmUp();
        assertEquals(0, sent.size());
        assertEquals(List.of(), calls);
        assertEquals(3, built.size());
        assertArrayEquals(captured("garp"), built.get(0));
        assertArrayEquals(GratuitousArp.frame(MAC, (Inet4Address) VIP2), built.get(1));
        // The advert the next sendAdvert sends, identification 0 included: the counter did not move.
        actions.sendAdvert(150);
        actions.announce(1);
        assertEquals(3, sent.size());
        assertArrayEquals(sent.get(0), built.get(2));
        assertArrayEquals(sent.get(1), built.get(0));
        assertArrayEquals(sent.get(2), built.get(1));
        assertEquals(List.of(), calls);
    }

    @Test
    void warmUpOfIpv6InstanceBuildsNeighborAdvertsAndItsAdvert() {
        InetAddress vip = ip("2001:db8::100");
        InstanceParams v6 = InstanceParams.builder("VI_6", 52, ip("fe80::51:2")).priority(120)
                .version(org.lvsd.vrrp.codec.VrrpVersion.V3).vips(List.of(vip)).build();
        FrameActions actions6 = new FrameActions(v6, transport, addresses, t -> calls.add("notify"));
        List<byte[]> built = actions6.warmUp();
        assertEquals(0, sent.size());
        assertEquals(List.of(), calls);
        actions6.announce(1);
        actions6.sendAdvert(120);
        assertEquals(2, built.size());
        assertArrayEquals(sent.get(0), built.get(0));
        assertArrayEquals(sent.get(1), built.get(1));
    }

    @Test
    void sendFailureIsLoggedNotThrown() {
        failSends = true;
        actions.sendAdvert(150);
        actions.announce(1);
        assertEquals(0, sent.size());
    }

    @Test
    void refusesUnicastInstances() {
        InstanceParams unicast = InstanceParams.builder("U", 1, ip("198.51.100.2"))
                .unicast(List.of(ip("198.51.100.3")), false, 0, 255).build();
        assertThrows(IllegalArgumentException.class, () -> new FrameActions(unicast, transport, addresses, t -> {
        }));
    }

    private static byte[] captured(String key) throws IOException {
        try (InputStream in = FrameActionsTest.class.getResourceAsStream("/captured/v2-pass-ipv4-frames.txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (line.startsWith(key + "=")) {
                    return HexFormat.of().parseHex(line.substring(key.length() + 1).trim());
                }
            }
        }
        throw new IllegalStateException("no " + key);
    }

    static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
