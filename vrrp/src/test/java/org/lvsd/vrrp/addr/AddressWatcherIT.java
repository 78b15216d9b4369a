package org.lvsd.vrrp.addr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.route.RtNetlink;
import org.lvsd.netlink.route.RtnlWatcher;
import org.lvsd.netlink.socket.NetlinkChannel;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.netlink.socket.NetworkNamespace;
import org.lvsd.vrrp.testlab.Netns;

/** External VIP deletion and link changes seen through rtnetlink, in a namespace of the test's own. */
class AddressWatcherIT {

    private static final InetAddress VIP = ip("198.51.100.100");

    private final BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    private final AddressListener listener = new AddressListener() {
        @Override
        public void addressRemoved(String interfaceName, InetAddress address) {
            seen.add("removed " + address.getHostAddress() + " " + interfaceName);
        }

        @Override
        public void linkChanged(String interfaceName, boolean up) {
            seen.add(interfaceName + (up ? " up" : " down"));
        }
    };
    private Netns ns;
    private NetlinkSocket socket;
    private AddressWatcher watcher;

    @BeforeEach
    void setUp() throws IOException {
        String reason = Netns.unavailableReason();
        if (reason != null) {
            System.out.println("AddressWatcherIT skipped: " + reason);
        }
        assumeTrue(reason == null, reason);
        ns = new Netns("lvsdit-watch");
        // No IPv6: link-local addresses would come and go with the links.
        ns.exec("sysctl", "-qw", "net.ipv6.conf.all.disable_ipv6=1");
        ns.exec("sysctl", "-qw", "net.ipv6.conf.default.disable_ipv6=1");
        ns.veth("eth0", "peer0");
        ns.veth("eth1", "peer1");
        ns.exec("ip", "addr", "add", "198.51.100.2/24", "dev", "eth0");
        socket = ns.routeSocket();
    }

    @AfterEach
    void tearDown() {
        if (watcher != null) {
            watcher.close();
        }
        if (socket != null) {
            socket.close();
        }
        if (ns != null) {
            ns.close();
        }
    }

    @Test
    void externallyDeletedVipIsReportedAndMissing() throws Exception {
        watcher = AddressWatcher.create(new RtNetlink(ns.routeSocket()),
                NetworkNamespace.call(ns.file(), () -> RtnlWatcher.open(AddressWatcher.groups())), listener);
        watcher.start();
        RtnlAddressManager m = new RtnlAddressManager(socket, "eth0", List.of(), List.of(), List.of());
        m.add(List.of(VIP));
        ns.exec("ip", "addr", "del", "198.51.100.100/32", "dev", "eth0");

        assertEquals("removed 198.51.100.100 eth0", seen.poll(5, TimeUnit.SECONDS));
        assertTrue(m.holds(VIP));
        assertEquals(List.of(VIP), m.missing());
    }

    @Test
    void initialLinkStatesAreTheStartingPoint() throws Exception {
        ns.exec("ip", "link", "set", "eth1", "down");
        ns.awaitOperational("peer1", false);
        watcher = AddressWatcher.create(new RtNetlink(ns.routeSocket()),
                NetworkNamespace.call(ns.file(), () -> RtnlWatcher.open(AddressWatcher.groups())), listener);
        assertEquals(java.util.Map.of("lo", true, "eth0", true, "peer0", true, "eth1", false, "peer1", false),
                watcher.initialLinkStates());
    }

    @Test
    void linkDownAndUpAreReportedOncePerChange() throws Exception {
        watcher = AddressWatcher.create(new RtNetlink(ns.routeSocket()),
                NetworkNamespace.call(ns.file(), () -> RtnlWatcher.open(AddressWatcher.groups())), listener);
        watcher.start();
        ns.exec("ip", "link", "set", "eth1", "down");
        assertEquals("eth1 down", seen.poll(5, TimeUnit.SECONDS));
        // The veth peer loses its carrier with eth1.
        assertEquals("peer1 down", seen.poll(5, TimeUnit.SECONDS));
        ns.exec("ip", "link", "set", "eth1", "mtu", "1400");
        ns.exec("ip", "link", "set", "eth1", "up");
        List<String> up = List.of(seen.poll(5, TimeUnit.SECONDS), seen.poll(5, TimeUnit.SECONDS));
        assertEquals(List.of("eth1 up", "peer1 up"), up.stream().sorted().toList());
        assertNull(seen.poll(300, TimeUnit.MILLISECONDS));
    }

    @Test
    void lostNotificationsAreRecoveredByReReadingTheKernel() throws Exception {
        watcher = AddressWatcher.create(new RtNetlink(ns.routeSocket()),
                new RtnlWatcher(new NetlinkSocket(new OverflowingChannel(), Duration.ofSeconds(1), 1)), listener);
        ns.exec("ip", "addr", "del", "198.51.100.2/24", "dev", "eth0");
        ns.exec("ip", "link", "set", "eth1", "down");
        ns.awaitOperational("peer1", false);

        watcher.pollOnce(Duration.ZERO);

        List<String> got = new java.util.ArrayList<>();
        seen.drainTo(got);
        assertEquals(List.of("eth1 down", "peer1 down", "removed 198.51.100.2 eth0"), got.stream().sorted().toList());
        assertNull(seen.poll(100, TimeUnit.MILLISECONDS));
    }

    /** A notification channel whose kernel buffer overflowed: every receive fails with ENOBUFS. */
    private static final class OverflowingChannel implements NetlinkChannel {
        @Override
        public int portId() {
            return 1;
        }

        @Override
        public void send(byte[] datagram) {
            throw new UnsupportedOperationException("notification channel");
        }

        @Override
        public Optional<ByteBuffer> receive(Duration timeout) throws NetlinkException {
            throw new NetlinkException("receive notifications", -1, Errno.ENOBUFS.code(), Optional.empty());
        }

        @Override
        public void joinGroup(int group) {
        }

        @Override
        public void leaveGroup(int group) {
        }

        @Override
        public void close() {
        }
    }

    private static InetAddress ip(String s) {
        try {
            return InetAddress.getByName(s);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalArgumentException(s, e);
        }
    }
}
