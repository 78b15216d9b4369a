package org.lvsd.vrrp.unicast;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.codec.VrrpCodec;
import org.lvsd.vrrp.sys.LibC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A raw IP socket of protocol 112 (raw(7)). For unicast adverts ({@link #open}) it is bound to the
 * instance's {@code unicast_src_ip} (and, when given, to its interface with SO_BINDTODEVICE). As
 * a multicast receiver ({@link #receiver}) it is bound to an interface only and gets every VRRP
 * datagram the kernel delivers there, after netfilter's input hooks, as keepalived's socket does;
 * group membership is the caller's. The kernel
 * builds the IP header: TTL / hop limit from {@code unicast_ttl} (IP_TTL, IPV6_UNICAST_HOPS), TOS /
 * traffic class 0xc0. Receiving: an IPv4 raw socket delivers the IP header, read for source,
 * destination and TTL; IPv6 gives the source in the socket address and destination and hop limit
 * in IPV6_PKTINFO / IPV6_HOPLIMIT control messages (ipv6(7), recvmsg(2)). One thread owns the
 * receive side ({@link #start}); {@link #send} is one sendto(2) from the caller's thread.
 * Needs CAP_NET_RAW; 64-bit Linux.
 */
public final class RawVrrpSocket implements UnicastSender, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RawVrrpSocket.class);
    private static final int AF_INET = 2;
    private static final int AF_INET6 = 10;
    private static final int SOCK_RAW = 3;
    private static final int SOCK_CLOEXEC = 0x80000;
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int IPPROTO_IP = 0;
    private static final int IP_TOS = 1;
    private static final int IP_TTL = 2;
    private static final int IPPROTO_IPV6 = 41;
    private static final int IPV6_UNICAST_HOPS = 16;
    private static final int IPV6_RECVPKTINFO = 49;
    private static final int IPV6_RECVHOPLIMIT = 51;
    private static final int IPV6_TCLASS = 67;
    private static final int TOS_INTERNETWORK_CONTROL = 0xc0;
    private static final short POLLIN = 1;
    private static final int POLL_MILLIS = 100;
    /** Above the largest VRRP datagram: IPv4 header 60 + 8 + 255 IPv6-sized addresses. */
    private static final int BUFFER = 8192;
    private static final int CONTROL = 256;

    private final AddressFamily family;
    private final InetAddress source;
    private final String label;
    private final int fd;
    private final int ttl;
    private final Object sendLock = new Object();
    private volatile boolean running;
    private boolean closed;
    private Thread receiver;

    private RawVrrpSocket(AddressFamily family, InetAddress source, String label, int fd, int ttl) {
        this.family = family;
        this.source = source;
        this.label = label;
        this.fd = fd;
        this.ttl = ttl;
    }

    /**
     * Opens a socket sending from {@code source} with TTL / hop limit {@code ttl}.
     *
     * @param device the interface to bind to (SO_BINDTODEVICE), or empty for any
     */
    public static RawVrrpSocket open(InetAddress source, int ttl, Optional<String> device) throws IOException {
        if (ttl < 0 || ttl > 255) {
            throw new IllegalArgumentException("unicast_ttl must be 0..255: " + ttl);
        }
        AddressFamily family = AddressFamily.of(source);
        boolean v4 = family == AddressFamily.INET;
        LibC c = LibC.INSTANCE;
        int fd = rawSocket(v4);
        try {
            if (device.isPresent()) {
                bindToDevice(fd, device.get());
            }
            if (v4) {
                setInt(fd, IPPROTO_IP, IP_TTL, ttl);
                setInt(fd, IPPROTO_IP, IP_TOS, TOS_INTERNETWORK_CONTROL);
            } else {
                setInt(fd, IPPROTO_IPV6, IPV6_UNICAST_HOPS, ttl);
                setInt(fd, IPPROTO_IPV6, IPV6_TCLASS, TOS_INTERNETWORK_CONTROL);
                setInt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1);
                setInt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1);
            }
            byte[] sa = sockaddr(source, scopeOf(source, device));
            c.bind(fd, sa, sa.length);
            return new RawVrrpSocket(family, source, "unicast " + source.getHostAddress(), fd, ttl);
        } catch (LastErrorException | SocketException e) {
            c.close(fd);
            throw new IOException("raw VRRP socket from " + source.getHostAddress() + device.map(d -> " on " + d)
                    .orElse("") + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a receive-only socket for the VRRP datagrams of {@code family} arriving on
     * {@code device}, whatever their destination (multicast groups joined by anyone on the
     * interface, our own unicast addresses).
     */
    public static RawVrrpSocket receiver(AddressFamily family, String device) throws IOException {
        boolean v4 = family == AddressFamily.INET;
        LibC c = LibC.INSTANCE;
        int fd = rawSocket(v4);
        try {
            bindToDevice(fd, device);
            if (!v4) {
                setInt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, 1);
                setInt(fd, IPPROTO_IPV6, IPV6_RECVHOPLIMIT, 1);
            }
            InetAddress any = InetAddress.getByAddress(new byte[v4 ? 4 : 16]);
            return new RawVrrpSocket(family, any, family + " on " + device, fd, 0);
        } catch (LastErrorException | IOException e) {
            c.close(fd);
            throw new IOException("raw VRRP receive socket on " + device + ": " + e.getMessage(), e);
        }
    }

    public AddressFamily family() {
        return family;
    }

    @Override
    public InetAddress source() {
        return source;
    }

    @Override
    public int ttl() {
        return ttl;
    }

    @Override
    public void send(byte[] vrrp, InetAddress destination) throws IOException {
        byte[] sa = sockaddr(destination, 0);
        synchronized (sendLock) {
            if (closed) {
                throw new IOException("socket closed");
            }
            try {
                LibC.INSTANCE.sendto(fd, vrrp, new NativeLong(vrrp.length), 0, sa, sa.length);
            } catch (LastErrorException e) {
                throw new IOException("send to " + destination.getHostAddress() + ": " + e.getMessage(), e);
            }
        }
    }

    /** Starts the receive thread, which hands every VRRP message to {@code handler}. */
    public synchronized void start(Consumer<ReceivedIp> handler) {
        if (receiver != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        receiver = new Thread(() -> receiveLoop(handler), "vrrp-rx-" + label);
        receiver.setDaemon(true);
        receiver.start();
    }

    private void receiveLoop(Consumer<ReceivedIp> handler) {
        try (Memory buf = new Memory(BUFFER); Memory name = new Memory(28); Memory control = new Memory(CONTROL);
             Memory iov = new Memory(16); Memory msg = new Memory(56)) {
            byte[] pollfd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder()).putInt(fd).putShort(POLLIN)
                    .putShort((short) 0).array();
            while (running) {
                try {
                    if (LibC.INSTANCE.poll(pollfd, new NativeLong(1), POLL_MILLIS) <= 0) {
                        continue;
                    }
                    iov.setPointer(0, buf);
                    iov.setLong(8, BUFFER);
                    msg.clear();
                    msg.setPointer(0, name);
                    msg.setInt(8, 28);
                    msg.setPointer(16, iov);
                    msg.setLong(24, 1);
                    msg.setPointer(32, control);
                    msg.setLong(40, CONTROL);
                    int n = LibC.INSTANCE.recvmsg(fd, msg, 0).intValue();
                    Optional<ReceivedIp> r = family == AddressFamily.INET
                            ? RawDatagrams.ipv4(buf.getByteArray(0, n))
                            : RawDatagrams.ipv6(name.getByteArray(0, 28), control.getByteArray(0,
                                    (int) msg.getLong(40)), buf.getByteArray(0, n));
                    r.ifPresent(handler);
                } catch (LastErrorException e) {
                    if (e.getErrorCode() != LibC.EINTR && running) {
                        LOG.warn("{}: VRRP receive failed: {}", label, e.getMessage());
                    }
                } catch (RuntimeException e) {
                    LOG.warn("{}: VRRP datagram dropped: {}", label, e.toString());
                }
            }
        }
    }

    /** Stops the receive thread (within its poll interval), then closes the socket. */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = receiver;
        }
        if (t != null) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        synchronized (sendLock) {
            if (!closed) {
                closed = true;
                LibC.INSTANCE.close(fd);
            }
        }
    }

    /** A raw IPv4 or IPv6 socket of IP protocol 112 (close-on-exec). */
    private static int rawSocket(boolean v4) throws IOException {
        if (Native.POINTER_SIZE != 8) {
            throw new IOException("raw VRRP sockets need a 64-bit platform");
        }
        try {
            return LibC.INSTANCE.socket(v4 ? AF_INET : AF_INET6, SOCK_RAW | SOCK_CLOEXEC, VrrpCodec.IP_PROTOCOL);
        } catch (LastErrorException e) {
            throw new IOException("raw socket for VRRP: " + e.getMessage(), e);
        }
    }

    /** SO_BINDTODEVICE: only datagrams of {@code device} are received, sent out of it. */
    private static void bindToDevice(int fd, String device) {
        byte[] name = (device + "\0").getBytes(StandardCharsets.US_ASCII);
        LibC.INSTANCE.setsockopt(fd, SOL_SOCKET, SO_BINDTODEVICE, name, name.length);
    }

    private static void setInt(int fd, int level, int option, int value) {
        LibC.INSTANCE.setsockopt(fd, level, option, new int[] {value}, 4);
    }

    private static int scopeOf(InetAddress a, Optional<String> device) throws SocketException {
        if (a instanceof Inet6Address v6 && v6.isLinkLocalAddress()) {
            if (v6.getScopeId() != 0) {
                return v6.getScopeId();
            }
            if (device.isPresent()) {
                NetworkInterface nif = NetworkInterface.getByName(device.get());
                if (nif != null) {
                    return nif.getIndex();
                }
            }
        }
        return 0;
    }

    /** struct sockaddr_in / sockaddr_in6 (port 0: raw sockets ignore it). */
    static byte[] sockaddr(InetAddress a, int scopeId) {
        if (a instanceof Inet4Address) {
            ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
            b.putShort((short) AF_INET).putShort((short) 0).put(a.getAddress());
            return b.array();
        }
        Inet6Address v6 = (Inet6Address) a;
        int scope = scopeId != 0 ? scopeId : v6.getScopeId();
        ByteBuffer b = ByteBuffer.allocate(28).order(ByteOrder.nativeOrder());
        b.putShort((short) AF_INET6).putShort((short) 0).putInt(0).put(v6.getAddress()).putInt(scope);
        return b.array();
    }
}
