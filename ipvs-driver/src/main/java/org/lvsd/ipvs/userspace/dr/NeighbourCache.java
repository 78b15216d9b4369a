package org.lvsd.ipvs.userspace.dr;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.route.Family;
import org.lvsd.netlink.route.HardwareAddress;
import org.lvsd.netlink.route.Link;
import org.lvsd.netlink.route.Neighbour;
import org.lvsd.netlink.route.RtNetlink;

/**
 * Real servers' MAC addresses from the kernel's neighbour table (rtnetlink RTM_GETNEIGH, of the
 * address's family: the ARP table for IPv4, the neighbour cache of IPv6 neighbor discovery,
 * RFC 4861, for IPv6), cached for a second. An address the kernel does not know yet is resolved
 * by the kernel itself: an empty UDP datagram to the discard port (9) makes it ARP (IPv4) or send
 * a neighbor solicitation (IPv6, RFC 4861 section 7.2.2); the frame that asked is dropped and its
 * retransmission finds the entry. Routes toward tunnelled servers ({@link TunnelRoute}) are
 * looked up in the kernel's tables and cached for a second too. {@link #mac} and
 * {@link #tunnelRoute} are used from the packet thread only.
 */
final class NeighbourCache implements AutoCloseable {
    private static final long TTL_NANOS = 1_000_000_000L;
    private static final int DISCARD_PORT = 9;

    private record Entry(byte[] mac, long at) {
    }

    private record RouteEntry(Optional<TunnelRoute> route, long at) {
    }

    private final RtNetlink rt;
    private final int ifindex;
    private final int mtu;
    private final Map<InetAddress, Entry> cache = new HashMap<>();
    private final Map<InetAddress, RouteEntry> routes = new HashMap<>();
    private final DatagramSocket probe;

    NeighbourCache(String ifname) throws IOException {
        this.rt = RtNetlink.open();
        Link link = rt.link(ifname).orElseThrow(() -> new IOException("no such interface: " + ifname));
        this.ifindex = link.ifindex();
        this.mtu = link.mtu();
        this.probe = new DatagramSocket();
    }

    /** The MAC of {@code ip} on the interface, empty (and resolution started) when unknown. */
    Optional<byte[]> mac(InetAddress ip) {
        long now = System.nanoTime();
        Entry e = cache.get(ip);
        if (e != null && now - e.at < TTL_NANOS) {
            return Optional.of(e.mac);
        }
        Optional<byte[]> found = lookup(ip);
        if (found.isPresent()) {
            cache.put(ip, new Entry(found.get(), now));
        } else {
            cache.remove(ip);
            resolve(ip);
        }
        return found;
    }

    private Optional<byte[]> lookup(InetAddress ip) {
        try {
            return rt.neighbour(ip, ifindex).filter(Neighbour::isResolved).flatMap(Neighbour::lladdr)
                    .map(HardwareAddress::bytes);
        } catch (NetlinkException e) {
            return Optional.empty();
        }
    }

    /** The interface's MTU when it was opened. */
    int mtu() {
        return mtu;
    }

    /** Next hop and source address toward a tunnelled server, empty when no route leaves this interface. */
    Optional<TunnelRoute> tunnelRoute(InetAddress server) {
        long now = System.nanoTime();
        RouteEntry e = routes.get(server);
        if (e != null && now - e.at < TTL_NANOS) {
            return e.route;
        }
        Optional<TunnelRoute> found;
        try {
            int family = Family.of(server);
            found = TunnelRoute.find(rt.routes(family), rt.addresses(ifindex, family), ifindex, server);
        } catch (NetlinkException failed) {
            found = Optional.empty();
        }
        routes.put(server, new RouteEntry(found, now));
        return found;
    }

    /** Starts the kernel's resolution of {@code ip}; safe from any thread. */
    void resolve(InetAddress ip) {
        try {
            probe.send(new DatagramPacket(new byte[0], 0, ip, DISCARD_PORT));
        } catch (IOException unreachable) {
            // no route: nothing to resolve
        }
    }

    @Override
    public void close() {
        probe.close();
        rt.close();
    }
}
