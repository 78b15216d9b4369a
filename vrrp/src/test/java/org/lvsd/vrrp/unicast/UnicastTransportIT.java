package org.lvsd.vrrp.unicast;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsd.vrrp.codec.IpContext;
import org.lvsd.vrrp.codec.VrrpCodec;
import org.lvsd.vrrp.codec.VrrpVersion;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.testlab.Netns;
import org.lvsd.vrrp.testlab.UnicastNode;
import org.lvsd.vrrp.track.TrackerSpec;

/**
 * Unicast adverts between two namespaces of the test's own joined by a veth pair: raw sockets
 * both ways, IPv4 and IPv6, then two lvsd instances electing a master over them.
 */
class UnicastTransportIT {

    private static final InetAddress A = ip("198.51.100.2");
    private static final InetAddress B = ip("198.51.100.3");
    private static final InetAddress A6 = ip("2001:db8::2");
    private static final InetAddress B6 = ip("2001:db8::3");
    private static final InetAddress VIP = ip("198.51.100.100");

    private Netns ns1;
    private Netns ns2;
    private RawVrrpSocket sa;
    private RawVrrpSocket sb;
    private UnicastNode na;
    private UnicastNode nb;

    @BeforeEach
    void setUp() throws Exception {
        String reason = Netns.unavailableReason();
        if (reason != null) {
            System.out.println("UnicastTransportIT skipped: " + reason);
        }
        assumeTrue(reason == null, reason);
        ns1 = new Netns("lvsdit-u1");
        ns2 = new Netns("lvsdit-u2");
        ns1.exec("ip", "link", "add", "eth0", "type", "veth", "peer", "name", "eth0", "netns", ns2.name());
        for (Netns ns : List.of(ns1, ns2)) {
            String last = ns == ns1 ? "2" : "3";
            ns.exec("ip", "addr", "add", "198.51.100." + last + "/24", "dev", "eth0");
            ns.exec("ip", "addr", "add", "2001:db8::" + last + "/64", "dev", "eth0", "nodad");
            ns.exec("ip", "link", "set", "eth0", "up");
        }
        ns1.awaitRunning("eth0");
        ns2.awaitRunning("eth0");
    }

    @AfterEach
    void tearDown() {
        for (AutoCloseable c : new AutoCloseable[] {na, nb, sa, sb}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    System.out.println("cleanup: " + e);
                }
            }
        }
        if (ns1 != null) {
            ns1.close();
        }
        if (ns2 != null) {
            ns2.close();
        }
    }

    @Test
    void ipv4AdvertsCrossBothWaysWithSourceDestinationAndTtl() throws Exception {
        exchange(A, B, 64, 255);
    }

    @Test
    void ipv6AdvertsCrossBothWaysWithSourceDestinationAndHopLimit() throws Exception {
        exchange(A6, B6, 255, 7);
    }

    private void exchange(InetAddress a, InetAddress b, int ttlA, int ttlB) throws Exception {
        sa = Netns.call(ns1.file(), () -> RawVrrpSocket.open(a, ttlA, Optional.of("eth0")));
        sb = Netns.call(ns2.file(), () -> RawVrrpSocket.open(b, ttlB, Optional.empty()));
        BlockingQueue<ReceivedIp> atA = new LinkedBlockingQueue<>();
        BlockingQueue<ReceivedIp> atB = new LinkedBlockingQueue<>();
        sa.start(atA::add);
        sb.start(atB::add);
        InstanceParams p = InstanceParams.builder("VI_1", 61, a).version(VrrpVersion.V3).vips(List.of(
                a instanceof java.net.Inet4Address ? VIP : ip("2001:db8::100"))).build();
        byte[] ab = VrrpCodec.encode(p.advert(100), new IpContext(a, b, ttlA), false);
        byte[] ba = VrrpCodec.encode(p.advert(50), new IpContext(b, a, ttlB), false);

        sa.send(ab, b);
        sb.send(ba, a);

        ReceivedIp gotB = atB.poll(5, TimeUnit.SECONDS);
        ReceivedIp gotA = atA.poll(5, TimeUnit.SECONDS);
        assertNotNull(gotB);
        assertNotNull(gotA);
        assertEquals(new IpContext(a, b, ttlA), gotB.ip());
        assertArrayEquals(ab, gotB.vrrp());
        assertEquals(new IpContext(b, a, ttlB), gotA.ip());
        assertArrayEquals(ba, gotA.vrrp());
        assertNull(atA.poll(200, TimeUnit.MILLISECONDS), "own advert looped back");
    }

    @Test
    void twoLvsdInstancesElectTheHigherPriorityOverUnicast() throws Exception {
        InstanceParams pa = unicast(A, B, 150);
        InstanceParams pb = unicast(B, A, 100);
        na = new UnicastNode(ns1.file(), pa, 255);
        assertEquals("INIT BACKUP started", na.nextTransition(5_000));
        assertEquals("BACKUP MASTER master down timer expired", na.nextTransition(5_000));
        nb = new UnicastNode(ns2.file(), pb, 255);
        assertEquals("INIT BACKUP started", nb.nextTransition(5_000));
        // Well past B's Master_Down_Interval (3 x 0.2 s + skew): B hears A and stays BACKUP.
        assertNull(nb.nextTransition(1_500));
        assertEquals(List.of("198.51.100.100/32"), vips(ns1));
        assertEquals(List.of(), vips(ns2));
        assertEquals("rejected=0", nb.counters().split(" ")[1]);

        na.stop();
        assertEquals("MASTER INIT stop requested", na.nextTransition(2_000));
        assertEquals("BACKUP MASTER master 198.51.100.2 released (priority 0)", nb.nextTransition(2_000));
        assertEquals(List.of("198.51.100.100/32"), vips(ns2));
        assertEquals(List.of(), vips(ns1));
    }

    @Test
    void externallyDeletedVipAndInterfaceDownAreSeenByTheInstance() throws Exception {
        InstanceParams pa = InstanceParams.builder("VI_1", 61, A).version(VrrpVersion.V3).priority(150)
                .advertInterval(Duration.ofMillis(200)).vips(List.of(VIP))
                .unicast(List.of(B), true, 255, 255).trackers(List.of(TrackerSpec.iface("eth0", 0))).build();
        na = new UnicastNode(ns1.file(), pa, 255);
        assertEquals("INIT BACKUP started", na.nextTransition(5_000));
        assertEquals("BACKUP MASTER master down timer expired", na.nextTransition(5_000));
        assertEquals(List.of("198.51.100.100/32"), vips(ns1));

        ns1.exec("ip", "addr", "del", "198.51.100.100/32", "dev", "eth0");
        assertEquals("MASTER BACKUP VIP 198.51.100.100 deleted from eth0", na.nextTransition(5_000));
        assertEquals("BACKUP MASTER master down timer expired", na.nextTransition(5_000));
        assertEquals(List.of("198.51.100.100/32"), vips(ns1));

        ns1.exec("ip", "link", "set", "eth0", "down");
        assertEquals("MASTER FAULT tracked interface eth0 down", na.nextTransition(5_000));
        ns1.exec("ip", "link", "set", "eth0", "up");
        assertEquals("FAULT BACKUP tracked interface eth0 up", na.nextTransition(5_000));
        assertEquals("BACKUP MASTER master down timer expired", na.nextTransition(5_000));
    }

    private static InstanceParams unicast(InetAddress self, InetAddress peer, int priority) {
        return InstanceParams.builder("VI_1", 61, self).version(VrrpVersion.V3).priority(priority)
                .advertInterval(Duration.ofMillis(200)).vips(List.of(VIP))
                .unicast(List.of(peer), true, 255, 255).build();
    }

    private static List<String> vips(Netns ns) throws Exception {
        return ns.exec("ip", "-o", "-4", "addr", "show", "dev", "eth0").stream()
                .map(l -> l.trim().split("\\s+")[3]).filter(a -> a.startsWith("198.51.100.100")).toList();
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }
}
