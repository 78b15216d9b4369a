package org.lvsd.vrrp.unicast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.VrrpVersion;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.io.AdvertTransport;
import org.lvsd.vrrp.wire.GratuitousArp;
import org.lvsd.vrrp.wire.MacAddress;
import org.lvsd.vrrp.unicast.ReceivedIp;

class UnicastActionsTest {

    private static final MacAddress MAC = MacAddress.parse("02:51:00:00:00:02");
    private static final InetAddress SRC = ip("198.51.100.2");
    private static final InetAddress PEER1 = ip("198.51.100.3");
    private static final InetAddress PEER2 = ip("198.51.100.4");
    private static final InetAddress VIP = ip("198.51.100.100");
    private static final InstanceParams PARAMS = InstanceParams.builder("VI_U", 61, SRC).version(VrrpVersion.V3)
            .priority(150).vips(List.of(VIP)).unicast(List.of(PEER1, PEER2), true, 255, 255).build();

    private final List<String> sent = new ArrayList<>();
    private final List<byte[]> frames = new ArrayList<>();
    private final List<String> vipCalls = new ArrayList<>();
    private boolean failFirstSend;

    private final UnicastSender sender = new UnicastSender() {
        @Override
        public InetAddress source() {
            return SRC;
        }

        @Override
        public int ttl() {
            return 255;
        }

        @Override
        public void send(byte[] vrrp, InetAddress destination) throws IOException {
            if (failFirstSend) {
                failFirstSend = false;
                throw new IOException("No route to host");
            }
            sent.add(destination.getHostAddress() + " " + HexFormat.of().formatHex(vrrp));
        }
    };

    private final AdvertTransport frameTransport = new AdvertTransport() {
        @Override
        public MacAddress interfaceMac() {
            return MAC;
        }

        @Override
        public void send(byte[] frame) {
            frames.add(frame);
        }

        @Override
        public void start(Consumer<ReceivedIp> handler) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {
        }
    };

    private UnicastActions actions() {
        return new UnicastActions(PARAMS, sender, frameTransport, new org.lvsd.vrrp.io.AddressManager() {
            @Override
            public void add(List<InetAddress> vips) {
                vipCalls.add("add " + vips);
            }

            @Override
            public void remove(List<InetAddress> vips) {
                vipCalls.add("remove " + vips);
            }
        }, t -> { });
    }

    @Test
    void oneAdvertPerPeerWithThePeerInTheV3Checksum() {
        actions().sendAdvert(150);
        actions().sendAdvert(0);

        // Checksums computed independently over the RFC 5798 §5.2.8 pseudo-header (src, peer, 0, 112, 12).
        assertEquals(List.of(
                "198.51.100.3 313d96010064b8dbc6336464",
                "198.51.100.4 313d96010064b8dac6336464",
                "198.51.100.3 313d000100644edcc6336464",
                "198.51.100.4 313d000100644edbc6336464"), sent);
    }

    @Test
    void aFailedSendIsLoggedAndTheOtherPeersStillGetTheAdvert() {
        failFirstSend = true;
        actions().sendAdvert(150);
        assertEquals(List.of("198.51.100.4 313d96010064b8dac6336464"), sent);
    }

    @Test
    void announcementsAreGratuitousArpFramesAndVipsGoThroughTheManager() {
        UnicastActions a = actions();
        a.announce(2);
        a.addVips();
        a.removeVips();
        assertEquals(2, frames.size());
        assertEquals(HexFormat.of().formatHex(GratuitousArp.frame(MAC, (java.net.Inet4Address) VIP)),
                HexFormat.of().formatHex(frames.get(1)));
        assertEquals(List.of("add [/198.51.100.100]", "remove [/198.51.100.100]"), vipCalls);
    }

    @Test
    void rejectsMulticastInstancesAndAForeignSource() {
        InstanceParams multicast = InstanceParams.builder("VI_M", 61, SRC).build();
        assertThrows(IllegalArgumentException.class, () -> new UnicastActions(multicast, sender, frameTransport,
                null, t -> { }));
        InstanceParams other = InstanceParams.builder("VI_O", 61, PEER1).unicast(List.of(SRC), false, 0, 255).build();
        assertThrows(IllegalArgumentException.class, () -> new UnicastActions(other, sender, frameTransport,
                null, t -> { }));
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }
}
