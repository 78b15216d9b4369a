package org.lvsd.ipvs.userspace;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.sched.Flow;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;
import org.lvsd.ipvs.table.TcpFlags;
import org.lvsd.ipvs.table.TcpState;

/**
 * What the proxy tells the table about its flows, and the forwarder's own counters. The table
 * decides where a new flow goes and keeps the ipvsadm statistics: a "packet" here is one read
 * from a socket (one datagram for UDP), its bytes the payload bytes.
 *
 * <p>TCP states follow the kernel's table from what the proxy sees: connected to the server is
 * the server's SYN-ACK and the client's ACK (ESTABLISHED), a FIN read from a side is that side's
 * FIN. When both sockets are gone the connection is set to CLOSE (10 s in the listing): the
 * director keeps no TIME_WAIT of its own for it.
 */
final class FlowTable {
    private final InMemoryIpvsDriver table;
    private final int maxConnections;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicLong refusedOverLimit = new AtomicLong();
    private final AtomicLong noDestination = new AtomicLong();
    private final Map<DestinationKey, AtomicLong> connectFailures = new ConcurrentHashMap<>();

    FlowTable(InMemoryIpvsDriver table, int maxConnections) {
        this.table = table;
        this.maxConnections = maxConnections;
    }

    /** Takes one connection slot; false (and counted) when {@code maxConnections} are open. */
    boolean acquire() {
        while (true) {
            int n = open.get();
            if (n >= maxConnections) {
                refusedOverLimit.incrementAndGet();
                return false;
            }
            if (open.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    void release() {
        open.decrementAndGet();
    }

    /** The destination of a new (or known) flow; empty, and counted, when none is usable. */
    Optional<RealServer> schedule(Protocol protocol, Flow flow) {
        Optional<RealServer> server = table.connect(protocol, flow, 0);
        if (server.isEmpty()) {
            noDestination.incrementAndGet();
        }
        return server;
    }

    void established(Flow flow) {
        table.tcpPacket(flow, false, TcpFlags.SYN_ACK);
        table.tcpPacket(flow, true, TcpFlags.ACK);
    }

    void fin(Flow flow, boolean fromClient) {
        table.tcpPacket(flow, fromClient, TcpFlags.FIN_ACK);
    }

    /** Both sockets of a TCP connection are closed. */
    void closed(Flow flow) {
        try {
            table.transition(Protocol.TCP, flow, TcpState.CLOSE);
        } catch (IllegalArgumentException gone) {
            // the table's timer already removed the entry (it outlived its state's timeout)
        }
    }

    void count(Protocol protocol, Flow flow, boolean inbound, int bytes) {
        table.countPacket(protocol, flow, inbound, bytes);
    }

    /** {@code packets} reads of one direction of a flow, {@code bytes} in all. */
    void count(Protocol protocol, Flow flow, boolean inbound, long packets, long bytes) {
        table.countPackets(protocol, flow, inbound, packets, bytes);
    }

    void connectFailed(DestinationKey key) {
        connectFailures.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
    }

    /** The counters, with the event loops' own {@code loops}. */
    ForwarderCounters counters(List<LoopCounters> loops) {
        Map<DestinationKey, Long> failures = new HashMap<>();
        connectFailures.forEach((k, v) -> failures.put(k, v.get()));
        return new ForwarderCounters(open.get(), refusedOverLimit.get(), noDestination.get(), failures, loops);
    }
}
