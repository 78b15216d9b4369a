package org.lvsd.healthcheck.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.healthcheck.check.Fixtures.run;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.DnsCheckSpec;
import org.lvsd.healthcheck.spec.UdpCheckSpec;

class DatagramCheckerTest {

    @RegisterExtension
    static final SharedTransport transport = new SharedTransport();
    private TinyDnsServer dns;
    private DatagramSocket udp;
    private Thread udpThread;
    @RegisterExtension
    final DescriptorBaseline descriptors = new DescriptorBaseline();

    @AfterEach
    void cleanUp() throws Exception {
        if (dns != null) {
            dns.close();
        }
        if (udp != null) {
            udp.close();
            udpThread.join(5000);
        }
    }

    private CheckResult dnsCheck(String type, String name) {
        return run(new DnsChecker(transport.get(), new DnsCheckSpec(Fixtures.timing(),
                ConnectOptions.none(), type, name), dns.address()));
    }

    /** A UDP server replying {@code reply} to every datagram, or nothing when null. */
    private InetSocketAddress udpServer(byte[] reply) throws SocketException {
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        udpThread = new Thread(() -> {
            byte[] buf = new byte[2048];
            while (!udp.isClosed()) {
                try {
                    DatagramPacket p = new DatagramPacket(buf, buf.length);
                    udp.receive(p);
                    if (reply != null) {
                        udp.send(new DatagramPacket(reply, reply.length, p.getSocketAddress()));
                    }
                } catch (java.io.IOException e) {
                    return;
                }
            }
        }, "udp-test-server");
        udpThread.setDaemon(true);
        udpThread.start();
        return (InetSocketAddress) udp.getLocalSocketAddress();
    }

    private static CheckResult udpCheck(InetSocketAddress target, String require, int max) {
        return run(new UdpChecker(transport.get(), new UdpCheckSpec(Fixtures.timing(),
                ConnectOptions.none(), "6c767364", Optional.ofNullable(require), 0, max),
                target));
    }

    @Test
    void dnsNoErrorPassesAndSendsTheQuestion() throws Exception {
        dns = new TinyDnsServer();
        CheckResult r = dnsCheck("SOA", ".");
        assertEquals("DNS NOERROR", r.reason());
        assertTrue(r.ok());
        assertEquals(List.of(". SOA rd=true"), dns.questions);
    }

    @Test
    void dnsNxdomainFails() throws Exception {
        dns = new TinyDnsServer();
        CheckResult r = dnsCheck("A", "missing.example.");
        assertFalse(r.ok());
        assertEquals("DNS rcode 3 (NXDomain(3))", r.reason());
    }

    @Test
    void silentDnsServerTimesOut() throws Exception {
        dns = new TinyDnsServer();
        assertEquals("reply timeout 1 s", dnsCheck("AAAA", "silent.example.").reason());
    }

    @Test
    void dnsToAClosedPortFailsWithPortUnreachable() throws Exception {
        CheckResult r = run(new DnsChecker(transport.get(), new DnsCheckSpec(Fixtures.timing(),
                ConnectOptions.none(), "A", "example."), closedUdpPort()));
        assertEquals("ICMP port unreachable", r.reason());
    }

    @Test
    void udpReplyMatchingThePatternPasses() throws Exception {
        InetSocketAddress target = udpServer(new byte[] {0x6f, 0x6b, 0x21});
        CheckResult r = udpCheck(target, "6FXX", 255);
        assertEquals("reply of 3 bytes", r.reason());
        assertTrue(r.ok());
    }

    @Test
    void udpReplyNotMatchingThePatternFails() throws Exception {
        InetSocketAddress target = udpServer(new byte[] {0x6e, 0x6f});
        assertEquals("reply does not match require_reply", udpCheck(target, "6FXX", 255).reason());
    }

    @Test
    void udpReplyLongerThanMaxFails() throws Exception {
        byte[] big = new byte[300];
        Arrays.fill(big, (byte) 1);
        InetSocketAddress target = udpServer(big);
        assertEquals("reply of 300 bytes outside [0, 255]", udpCheck(target, null, 255).reason());
    }

    @Test
    void udpSilenceFailsOnlyWhenAReplyIsRequired() throws Exception {
        InetSocketAddress target = udpServer(null);
        assertEquals("no reply within 1 s", udpCheck(target, "00", 255).reason());
        CheckResult r = udpCheck(target, null, 255);
        assertTrue(r.ok());
        assertEquals("no ICMP error within 1 s", r.reason());
    }

    @Test
    void udpToAClosedPortFailsWithPortUnreachable() throws Exception {
        CheckResult r = udpCheck(closedUdpPort(), null, 255);
        assertFalse(r.ok());
        assertEquals("ICMP port unreachable", r.reason());
    }

    @Test
    void replyPatternWildcardsMatchAnyNibble() {
        assertTrue(new ReplyPattern("AXX5").matches(new byte[] {(byte) 0xa1, 0x25, 9}));
        assertFalse(new ReplyPattern("AXX5").matches(new byte[] {(byte) 0xa1, 0x26}));
        assertFalse(new ReplyPattern("AXX5").matches(new byte[] {(byte) 0xa1}));
        assertTrue(new ReplyPattern("").matches(new byte[0]));
    }

    private static InetSocketAddress closedUdpPort() throws SocketException {
        try (DatagramSocket s = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            return (InetSocketAddress) s.getLocalSocketAddress();
        }
    }
}
