package org.lvsd.ipvs.userspace.dr;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The system side of {@link PacketFramePort}: an AF_PACKET raw socket (packet(7)) bound to one
 * interface for every protocol, with a socket filter, inbound frames only
 * (PACKET_IGNORE_OUTGOING, Linux 4.20), a virtio_net_hdr before each frame in and out
 * (PACKET_VNET_HDR: a segment's GSO size and pending checksum travel with it, so the kernel
 * splits and checksums it on the way out as it would have for the sender) and a TPACKET_V2
 * receive ring mapped into this process.
 * The socket is made with protocol 0, which receives nothing, and bound only once the filter and
 * the ring are in place, so no unfiltered frame gets in. Not thread-safe: the port serializes.
 */
final class PacketSocket {
    private static final PacketLibC LIBC = PacketLibC.INSTANCE;

    private final String ifname;
    private final int fd;
    private final byte[] mac;
    private final int mtu;
    private final RingGeometry geometry;
    private final Pointer ring;
    private final Memory pollFd = new Memory(8);

    private PacketSocket(String ifname, int fd, byte[] mac, int mtu, RingGeometry geometry, Pointer ring) {
        this.ifname = ifname;
        this.fd = fd;
        this.mac = mac;
        this.mtu = mtu;
        this.geometry = geometry;
        this.ring = ring;
        pollFd.setInt(0, fd);
    }

    /** Opens the socket on {@code ifname} for the frames {@code filter} passes. Needs CAP_NET_RAW. */
    static PacketSocket open(String ifname, SocketFilter filter) throws IOException {
        int fd;
        try {
            fd = LIBC.socket(PacketLibC.AF_PACKET, PacketLibC.SOCK_RAW | PacketLibC.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException(ifname + ": socket(AF_PACKET): " + e.getMessage(), e);
        }
        Pointer ring = null;
        RingGeometry g = null;
        try {
            attachFilter(ifname, fd, filter);
            setInt(ifname, fd, PacketLibC.PACKET_VERSION, "PACKET_VERSION", PacketLibC.TPACKET_V2);
            setInt(ifname, fd, PacketLibC.PACKET_IGNORE_OUTGOING, "PACKET_IGNORE_OUTGOING", 1);
            setInt(ifname, fd, PacketLibC.PACKET_VNET_HDR, "PACKET_VNET_HDR", 1);
            int mtu = ByteBuffer.wrap(ifreq(ifname, fd, PacketLibC.SIOCGIFMTU, "SIOCGIFMTU"))
                    .order(ByteOrder.nativeOrder()).getInt(16);
            g = RingGeometry.forSegments();
            byte[] req = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
                    .putInt(g.blockSize()).putInt(g.blocks()).putInt(g.slotSize()).putInt(g.slots()).array();
            call(ifname, "setsockopt(PACKET_RX_RING)", () -> LIBC.setsockopt(fd, PacketLibC.SOL_PACKET,
                    PacketLibC.PACKET_RX_RING, req, req.length));
            ring = LIBC.mmap(null, g.bytes(), PacketLibC.PROT_READ | PacketLibC.PROT_WRITE,
                    PacketLibC.MAP_SHARED | PacketLibC.MAP_POPULATE, fd, 0);
            int index = LIBC.if_nametoindex(ifname);
            if (index == 0) {
                throw new IOException("no such interface: " + ifname);
            }
            byte[] sll = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder())
                    .putShort((short) PacketLibC.AF_PACKET).putShort(PacketLibC.ETH_P_ALL_BE).putInt(index).array();
            call(ifname, "bind", () -> LIBC.bind(fd, sll, sll.length));
            byte[] mac = new byte[6];
            System.arraycopy(ifreq(ifname, fd, PacketLibC.SIOCGIFHWADDR, "SIOCGIFHWADDR"), 18, mac, 0, 6);
            return new PacketSocket(ifname, fd, mac, mtu, g, ring);
        } catch (IOException | LastErrorException | IllegalArgumentException e) {
            if (ring != null) {
                LIBC.munmap(ring, g.bytes());
            }
            LIBC.close(fd);
            if (e instanceof IOException io) {
                throw io;
            }
            throw new IOException(ifname + ": " + e.getMessage(), e);
        }
    }

    String ifname() {
        return ifname;
    }

    byte[] mac() {
        return mac.clone();
    }

    int mtu() {
        return mtu;
    }

    RingGeometry geometry() {
        return geometry;
    }

    /** The mapped receive ring. */
    Pointer ring() {
        return ring;
    }

    /**
     * Waits up to {@code timeoutMillis} for a frame in the ring (an interrupted wait just ends).
     *
     * @throws IOException the socket's pending error (ENETDOWN when the interface went down),
     *     which reading it clears: otherwise poll would report it at once, again and again
     */
    void poll(int timeoutMillis) throws IOException {
        pollFd.setShort(4, (short) (PacketLibC.POLLIN | PacketLibC.POLLERR));
        pollFd.setShort(6, (short) 0);
        try {
            LIBC.poll(pollFd, 1, timeoutMillis);
        } catch (LastErrorException interrupted) {
            return;
        }
        if ((pollFd.getShort(6) & PacketLibC.POLLERR) != 0) {
            byte[] error = new byte[4];
            call(ifname, "getsockopt(SO_ERROR)", () -> LIBC.getsockopt(fd, PacketLibC.SOL_SOCKET, PacketLibC.SO_ERROR,
                    error, new IntByReference(error.length)));
            int errno = ByteBuffer.wrap(error).order(ByteOrder.nativeOrder()).getInt();
            if (errno != 0) {
                throw new IOException(ifname + ": " + LIBC.strerror(errno));
            }
        }
    }

    /** sendmmsg(2) of {@code count} messages at {@code messages}: how many went out. */
    int sendmmsg(Pointer messages, int count) throws LastErrorException {
        return LIBC.sendmmsg(fd, messages, count, 0);
    }

    /** Frames the kernel found no room for in the ring since the last call (PACKET_STATISTICS resets). */
    long drops() throws IOException {
        byte[] stats = new byte[12];
        call(ifname, "getsockopt(PACKET_STATISTICS)", () -> LIBC.getsockopt(fd, PacketLibC.SOL_PACKET,
                PacketLibC.PACKET_STATISTICS, stats, new IntByReference(stats.length)));
        return ByteBuffer.wrap(stats).order(ByteOrder.nativeOrder()).getInt(4) & 0xffffffffL;
    }

    /** Unmaps the ring and closes the descriptor; the ring's buffers must not be touched afterwards. */
    void close() {
        try {
            LIBC.munmap(ring, geometry.bytes());
        } finally {
            LIBC.close(fd);
            pollFd.close();
        }
    }

    private interface Call {
        int run() throws LastErrorException;
    }

    private static void call(String ifname, String what, Call call) throws IOException {
        try {
            call.run();
        } catch (LastErrorException e) {
            throw new IOException(ifname + ": " + what + ": " + e.getMessage(), e);
        }
    }

    private static void setInt(String ifname, int fd, int option, String name, int value) throws IOException {
        byte[] v = ByteBuffer.allocate(4).order(ByteOrder.nativeOrder()).putInt(value).array();
        call(ifname, "setsockopt(" + name + ")", () -> LIBC.setsockopt(fd, PacketLibC.SOL_PACKET, option, v, 4));
    }

    private static void attachFilter(String ifname, int fd, SocketFilter filter) throws IOException {
        byte[] code = filter.bytes();
        try (Memory program = new Memory(code.length)) {
            program.write(0, code, 0, code.length);
            byte[] fprog = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder())
                    .putShort((short) (code.length / 8)).putShort((short) 0).putInt(0)
                    .putLong(Pointer.nativeValue(program)).array();
            call(ifname, "setsockopt(SO_ATTACH_FILTER)", () -> LIBC.setsockopt(fd, PacketLibC.SOL_SOCKET,
                    PacketLibC.SO_ATTACH_FILTER, fprog, fprog.length));
        }
    }

    private static byte[] ifreq(String ifname, int fd, long request, String name) throws IOException {
        byte[] ifreq = new byte[40];
        byte[] n = ifname.getBytes(StandardCharsets.US_ASCII);
        if (n.length > 15) {
            throw new IOException("interface name longer than 15 characters: " + ifname);
        }
        System.arraycopy(n, 0, ifreq, 0, n.length);
        call(ifname, "ioctl(" + name + ")", () -> LIBC.ioctl(fd, request, ifreq));
        return ifreq;
    }
}
