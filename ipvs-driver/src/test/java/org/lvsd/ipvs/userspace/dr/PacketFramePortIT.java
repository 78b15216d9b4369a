package org.lvsd.ipvs.userspace.dr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.socket.NetworkNamespace;

/**
 * The packet socket port on a veth pair {@code va}/{@code vb} inside a namespace of its own
 * (dpt + pid): frames sent on one end arrive whole and in order on the other, filtered by the
 * socket filter; a port receives inbound frames only, not what leaves its interface; a link going
 * down is reported once, and frames flow again when it is back up; close ends a waiting receive.
 * Needs root.
 */
class PacketFramePortIT {
    private static final byte[] MAC_A = {0x02, 0x51, 0, 0, 0, 0x0a};
    private static final byte[] MAC_B = {0x02, 0x51, 0, 0, 0, 0x02};
    private static final int EXPERIMENTAL = 253;
    private static String ns;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root (a network namespace)");
        ns = "dpt" + ProcessHandle.current().pid();
        run("ip", "netns", "add", ns);
        run("ip", "-n", ns, "link", "add", "va", "type", "veth", "peer", "name", "vb");
        run("ip", "-n", ns, "link", "set", "va", "address", "02:51:00:00:00:0a", "up");
        run("ip", "-n", ns, "link", "set", "vb", "address", "02:51:00:00:00:02", "up");
    }

    @AfterAll
    static void down() throws Exception {
        if (ns != null) {
            run("ip", "netns", "del", ns);
        }
    }

    private static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, String.join(" ", command) + ": " + out);
    }

    private static PacketFramePort open(String ifname, SocketFilter filter, int timeoutMillis) throws Exception {
        return NetworkNamespace.call(Path.of("/run/netns", ns), () -> {
            try {
                return PacketFramePort.open(ifname, filter, timeoutMillis);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A 60-byte IPv4 frame from a to b carrying {@code protocol}, its identification {@code id}. */
    private static ByteBuffer frame(int protocol, int id) {
        ByteBuffer f = ByteBuffer.allocate(60);
        f.put(0, MAC_B).put(6, MAC_A).putShort(12, (short) 0x0800);
        f.put(14, (byte) 0x45).putShort(16, (short) 46).putShort(18, (short) id).put(22, (byte) 64)
                .put(23, (byte) protocol);
        f.put(26, new byte[] {(byte) 198, 51, 100, 10}).put(30, new byte[] {(byte) 198, 51, 100, 2});
        return f;
    }

    @Test
    void receivesInboundFramesThatPassTheFilterWholeAndInOrder() throws Exception {
        try (PacketFramePort rx = open("vb", SocketFilter.ipv4Protocol(EXPERIMENTAL), 50);
             PacketFramePort tx = open("va", SocketFilter.NOTHING, 50);
             PacketFramePort outbound = open("vb", SocketFilter.NOTHING, 50)) {
            assertArrayEquals(MAC_B, rx.mac());
            assertArrayEquals(MAC_A, tx.mac());
            tx.send(frame(EXPERIMENTAL, 1));
            tx.send(frame(6, 2));
            tx.send(frame(EXPERIMENTAL, 3));
            tx.flush();
            ByteBuffer direct = tx.sendBuffer(60);
            direct.put(0, frame(EXPERIMENTAL, 4), 0, 60).limit(60);
            tx.send(direct);
            tx.flush();
            outbound.send(frame(EXPERIMENTAL, 5));
            outbound.flush();
            List<ByteBuffer> got = new ArrayList<>();
            for (int i = 0; i < 40 && got.size() < 4; i++) {
                rx.receive(f -> got.add(ByteBuffer.allocate(f.limit()).put(0, f, 0, f.limit())));
            }
            assertEquals(List.of(frame(EXPERIMENTAL, 1), frame(EXPERIMENTAL, 3), frame(EXPERIMENTAL, 4)), got);
            assertEquals(0, rx.receive(f -> fail("nothing more: frame 5 left vb")));
            assertEquals(0, rx.dropped());
        }
    }

    @Test
    void aLinkGoingDownIsReportedOnceAndFramesFlowAgainWhenItIsBackUp() throws Exception {
        try (PacketFramePort rx = open("vb", SocketFilter.ipv4Protocol(EXPERIMENTAL), 50);
             PacketFramePort tx = open("va", SocketFilter.NOTHING, 50)) {
            run("ip", "-n", ns, "link", "set", "vb", "down");
            IOException down = assertThrows(IOException.class, () -> rx.receive(f -> fail("the link is down")));
            assertEquals("vb: Network is down", down.getMessage());
            assertEquals(0, rx.receive(f -> fail("the link is down")), "the error was reported once");
            run("ip", "-n", ns, "link", "set", "vb", "up");
            List<ByteBuffer> got = new ArrayList<>();
            for (int i = 0; i < 40 && got.isEmpty(); i++) {
                tx.send(frame(EXPERIMENTAL, 6));
                tx.flush();
                rx.receive(f -> got.add(ByteBuffer.allocate(f.limit()).put(0, f, 0, f.limit())));
            }
            assertEquals(frame(EXPERIMENTAL, 6), got.get(0));
        }
    }

    @Test
    void closeEndsAWaitingReceiveAndLaterReceivesReturnNothing() throws Exception {
        PacketFramePort rx = open("vb", SocketFilter.ipv4Protocol(EXPERIMENTAL), 200);
        AtomicInteger receives = new AtomicInteger();
        Thread t = new Thread(() -> {
            try {
                for (int i = 0; i < 1000 && rx.receive(f -> { }) == 0; i++) {
                    receives.incrementAndGet();
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        t.start();
        while (receives.get() == 0 && t.isAlive()) {
            Thread.sleep(10);
        }
        rx.close();
        t.join(5000);
        assertFalse(t.isAlive(), "receive still waiting after close");
        assertEquals(0, rx.receive(f -> fail("closed")));
        rx.close();
    }
}
