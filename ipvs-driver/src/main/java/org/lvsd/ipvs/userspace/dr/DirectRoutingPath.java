package org.lvsd.ipvs.userspace.dr;

import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.sched.Flow;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Direct routing and tunnelling on one interface: every inbound IPv4 or IPv6 TCP/UDP frame to a
 * served VIP:port goes to the real server the table picks for its flow (a known flow keeps its
 * server; persistence by the service's netmask or IPv6 prefix length is the table's). Gatewaying
 * ({@link ForwardMethod#ROUTE}) changes only the destination MAC (the server's, from ARP or IPv6
 * neighbor discovery, {@link NeighbourCache}) and source MAC (this interface's), and the port
 * sends the frame as received: a pending checksum or a 64 KiB segment is completed or split by the
 * kernel on the way out ({@link PacketFramePort}). Tunnelling ({@link ForwardMethod#TUNNEL}) wraps
 * an IPv4 datagram in an outer IPv4 header to the server ({@link IpipEncapsulation}) and an IPv6
 * one in an outer IPv6 header ({@link Ipv6Encapsulation}), as the kernel's IPVS does for each
 * family, its TCP/UDP checksum completed first ({@link L4Checksum}), sent to the MAC of the
 * route's next hop ({@link TunnelRoute}). A TCP super-segment (TSO or GRO; the kernel marks it in
 * the frame's virtio_net_hdr, which cannot describe a segment inside an outer header) is first
 * split into the sender's segments ({@link TcpSegmentation}), each wrapped and sent on its own;
 * a UDP one (UDP segmentation offload) is not supported: dropped and counted. A datagram (for a
 * super-segment: one of its segments) the outer header would push past the
 * interface's MTU is dropped and counted, and its source is told the MTU that fits: for IPv4 when
 * it has DF set ({@link FragmentationNeeded}), for IPv6 always ({@link PacketTooBig}; unless that
 * MTU would be below IPv6's minimum of 1280, which no IPv6 sender can go under), at most
 * {@value #ICMP_PER_SECOND} such messages a second for both families together, the kernel's
 * default limit on ICMP errors. An IPv6 datagram with extension headers never reaches the path
 * ({@link SocketFilter#TCP_OR_UDP}). The table counts the connection, its TCP states (input only:
 * replies do not pass the director) and the inbound packets and bytes. One thread reads, rewrites
 * and sends: frames are rewritten where the port received them and sent in batches
 * ({@link FramePort}).
 */
public final class DirectRoutingPath implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DirectRoutingPath.class);
    private static final int READ_TIMEOUT_MILLIS = 50;
    private static final int ETH_HEADER = 14;
    private static final int ICMP_PER_SECOND = 1000;

    private final InMemoryIpvsDriver table;
    private final FramePort port;
    private final NeighbourCache neighbours;
    private final NftRules nft;
    private final byte[] ownMac;
    private final Map<ServiceKey, ForwardMethod> services = new ConcurrentHashMap<>();
    private final FramePort.Handler handler = this::handle;
    private final AtomicLong received = new AtomicLong();
    private final AtomicLong forwarded = new AtomicLong();
    private final AtomicLong unresolved = new AtomicLong();
    private final AtomicLong tooBig = new AtomicLong();
    private final AtomicLong segmented = new AtomicLong();
    private final AtomicLong unsegmentable = new AtomicLong();
    private int nextId;
    private long icmpSecond;
    private int icmpInSecond;
    private final Thread thread;
    private volatile boolean running = true;

    private DirectRoutingPath(InMemoryIpvsDriver table, FramePort port, NeighbourCache neighbours, NftRules nft) {
        this.table = table;
        this.port = port;
        this.neighbours = neighbours;
        this.nft = nft;
        this.ownMac = port.mac();
        this.thread = new Thread(this::run, "dr-" + System.identityHashCode(this));
        this.thread.setDaemon(true);
    }

    /** Opens {@code ifname} (a packet socket) and starts the packet thread. Needs CAP_NET_RAW and CAP_NET_ADMIN. */
    public static DirectRoutingPath open(InMemoryIpvsDriver table, String ifname) throws IOException {
        FramePort port = PacketFramePort.open(ifname, SocketFilter.TCP_OR_UDP, READ_TIMEOUT_MILLIS);
        String mac = mac(port.mac());
        NeighbourCache neighbours = null;
        try {
            neighbours = new NeighbourCache(ifname);
            DirectRoutingPath path = new DirectRoutingPath(table, port, neighbours, new NftRules());
            path.thread.start();
            LOG.info("direct routing on {} ({})", ifname, mac);
            return path;
        } catch (IOException | RuntimeException e) {
            port.close();
            if (neighbours != null) {
                neighbours.close();
            }
            throw e;
        }
    }

    /**
     * Starts forwarding a service's packets by {@code method} ({@link ForwardMethod#ROUTE} or
     * {@link ForwardMethod#TUNNEL}) and stops the director's stack from answering them.
     */
    public void serve(ServiceKey key, ForwardMethod method) throws IOException {
        if (method != ForwardMethod.ROUTE && method != ForwardMethod.TUNNEL) {
            throw new IllegalArgumentException(key + ": the packet path routes or tunnels, not " + method.label());
        }
        nft.drop(key);
        services.put(key, method);
    }

    /**
     * Has the kernel resolve a real server's MAC (or its next hop's) now, so that the first frame
     * toward it is not dropped while ARP or neighbor discovery runs.
     */
    public void prepare(InetAddress server) {
        neighbours.resolve(server);
    }

    /** Stops forwarding new flows of a service and lets the stack see its packets again. */
    public void stop(ServiceKey key) throws IOException {
        services.remove(key);
        nft.allow(key);
    }

    /** Frames the port handed the path so far (IPv4 and IPv6 TCP and UDP arriving on the interface). */
    public long received() {
        return received.get();
    }

    /** Frames that arrived but the port could not receive (its ring was full, or too long). */
    public long dropped() {
        return port.dropped();
    }

    /** Frames sent to real servers so far. */
    public long forwarded() {
        return forwarded.get();
    }

    /** Frames dropped because the real server's MAC (or its next hop's) was not (yet) known. */
    public long unresolved() {
        return unresolved.get();
    }

    /** Frames not tunnelled because the outer header would exceed the interface's MTU. */
    public long tooBig() {
        return tooBig.get();
    }

    /** Super-segments (TSO or GRO, up to 64 KiB) split into TCP segments to be tunnelled. */
    public long segmented() {
        return segmented.get();
    }

    /**
     * Super-segments not tunnelled because they could not be split: UDP ones (not supported), or
     * a virtio_net_hdr or headers that describe no TCP split (a segment size of 0, no payload).
     */
    public long unsegmentable() {
        return unsegmentable.get();
    }

    private void run() {
        while (running) {
            try {
                port.receive(handler);
            } catch (IOException e) {
                if (running) {
                    LOG.warn("packet path: {}", e.toString());
                }
            }
        }
    }

    private void handle(ByteBuffer frame) throws IOException {
        received.incrementAndGet();
        if (!Frame.addressedTo(frame, ownMac)) {
            return;
        }
        Frame f = Frame.parse(frame);
        ForwardMethod method = f == null ? null
                : services.get(ServiceKey.of(f.protocol(), f.destination(), f.destinationPort()));
        if (method == null) {
            return;
        }
        Flow flow = new Flow(f.source(), f.sourcePort(), f.destination(), f.destinationPort());
        Optional<RealServer> server = table.connect(f.protocol(), flow, 0);
        if (server.isEmpty()) {
            return;
        }
        if (f.protocol() == Protocol.TCP) {
            table.tcpPacket(flow, true, f.flags());
        }
        table.countPacket(f.protocol(), flow, true, f.ipLength());
        InetAddress to = server.get().address();
        if (method == ForwardMethod.ROUTE) {
            route(frame, to);
        } else {
            tunnel(frame, to);
        }
    }

    private void route(ByteBuffer frame, InetAddress server) throws IOException {
        Optional<byte[]> mac = neighbours.mac(server);
        if (mac.isEmpty()) {
            unresolved.incrementAndGet();
            return;
        }
        Frame.readdress(frame, mac.get(), ownMac);
        port.send(frame);
        forwarded.incrementAndGet();
    }

    /**
     * Tunnels the frame's datagram, or each TCP segment of a super-segment the kernel marked
     * ({@link FramePort#gsoType}), to {@code server} in an outer header of the server's family;
     * when even one datagram would not fit the link once wrapped, answers the client with ICMP
     * instead (fragmentation needed for a DF IPv4 datagram, Packet Too Big for IPv6). A UDP
     * super-segment, or one whose headers describe no TCP split, is counted as unsegmentable.
     */
    private void tunnel(ByteBuffer frame, InetAddress server) throws IOException {
        boolean v6 = server instanceof Inet6Address;
        int gsoType = port.gsoType();
        int size = port.gsoSize();
        int segments = 1;
        int inner = v6 ? Ipv6Encapsulation.innerLength(frame) : IpipEncapsulation.innerLength(frame);
        if (gsoType != TcpSegmentation.GSO_NONE) {
            segments = TcpSegmentation.count(frame, gsoType, size);
            if (segments == 0) {
                unsegmentable.incrementAndGet();
                return;
            }
            inner = TcpSegmentation.largest(frame, size);
        }
        int mtu = neighbours.mtu() - (v6 ? Ipv6Encapsulation.OUTER_HEADER : IpipEncapsulation.OUTER_HEADER);
        if (inner > mtu) {
            tooBig.incrementAndGet();
            answerTooBig(frame, mtu, v6);
            return;
        }
        Optional<TunnelRoute> route = neighbours.tunnelRoute(server);
        Optional<byte[]> mac = route.flatMap(r -> neighbours.mac(r.nextHop()));
        if (mac.isEmpty()) {
            unresolved.incrementAndGet();
            return;
        }
        byte[] source = route.get().source().getAddress();
        int at = v6 ? Ipv6Encapsulation.INNER : IpipEncapsulation.INNER;
        if (gsoType == TcpSegmentation.GSO_NONE) {
            L4Checksum.fix(frame);
            ByteBuffer out = port.sendBuffer(at + inner);
            port.send(v6 ? Ipv6Encapsulation.encapsulate(frame, mac.get(), ownMac, source, server.getAddress(), out)
                    : IpipEncapsulation.encapsulate(frame, mac.get(), ownMac, source, server.getAddress(), nextId(),
                    out));
            forwarded.incrementAndGet();
            return;
        }
        for (int i = 0; i < segments; i++) {
            ByteBuffer out = port.sendBuffer(at + inner);
            int length = TcpSegmentation.write(frame, size, i, out, at);
            port.send(v6 ? Ipv6Encapsulation.wrap(out, length, mac.get(), ownMac, source, server.getAddress())
                    : IpipEncapsulation.wrap(out, length, mac.get(), ownMac, source, server.getAddress(), nextId()));
        }
        segmented.incrementAndGet();
        forwarded.addAndGet(segments);
    }

    /** Tells the client the tunnel's {@code mtu}, as the rate limit allows and the family's rules permit. */
    private void answerTooBig(ByteBuffer frame, int mtu, boolean v6) throws IOException {
        if (v6) {
            if (mtu >= PacketTooBig.MINIMUM_MTU && PacketTooBig.mayAnswer(frame) && icmpAllowed()) {
                ByteBuffer out = port.sendBuffer(PacketTooBig.length(frame));
                port.send(PacketTooBig.write(frame, ownMac, mtu, out));
            }
        } else if (FragmentationNeeded.dontFragment(frame) && icmpAllowed()) {
            ByteBuffer out = port.sendBuffer(FragmentationNeeded.length(frame));
            port.send(FragmentationNeeded.write(frame, ownMac, mtu, nextId(), out));
        }
    }

    private int nextId() {
        nextId = (nextId + 1) & 0xffff;
        return nextId;
    }

    private boolean icmpAllowed() {
        long second = System.nanoTime() / 1_000_000_000L;
        if (second != icmpSecond) {
            icmpSecond = second;
            icmpInSecond = 0;
        }
        return icmpInSecond++ < ICMP_PER_SECOND;
    }

    private static String mac(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < b.length; i++) {
            s.append(i == 0 ? "" : ":").append(String.format("%02x", b[i] & 0xff));
        }
        return s.toString();
    }

    /**
     * Closes the interface (which wakes the thread if it waits for a frame), stops the thread and
     * removes the nftables table.
     */
    @Override
    public void close() throws IOException {
        running = false;
        port.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            nft.close();
        } finally {
            neighbours.close();
        }
    }
}
