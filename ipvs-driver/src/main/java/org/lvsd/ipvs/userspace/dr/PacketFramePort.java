package org.lvsd.ipvs.userspace.dr;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link FramePort} on an AF_PACKET socket (packet(7)) bound to one interface: inbound frames
 * only (PACKET_IGNORE_OUTGOING), filtered in the kernel by a {@link SocketFilter}, received into a
 * TPACKET_V2 ring mapped into this process ({@link FrameRing}: no copy and no call per frame; a
 * poll(2) only when no frame is waiting, then every waiting frame up to a batch) and sent in
 * batches by one sendmmsg(2) that points at the frames where they lie ({@link SendBatch}). Ring
 * slots go back to the kernel only after the sends that point into them have gone out. A slot
 * holds a frame of the interface's MTU; a longer one (merged by GRO, which a packet socket could
 * not send on anyway) is counted as dropped.
 */
public final class PacketFramePort implements FramePort {
    private static final PacketLibC LIBC = PacketLibC.INSTANCE;
    /** The ring's size: 2048 slots at the common MTU of 1500. */
    private static final int RING_BYTES = 1 << 22;
    private static final int BLOCK_SIZE = 1 << 16;
    /** tpacket2_hdr (32 bytes) and sockaddr_ll (20), 16-aligned with room for the link header: where the IP header lands. */
    private static final int SLOT_OVERHEAD = 80;
    /** The most frames handled before the queued sends go out and their slots go back. */
    private static final int BATCH = 256;
    private static final int ETH_HEADER = 14;
    /** An 802.1Q tag the kernel may leave in the frame. */
    private static final int VLAN_TAG = 4;

    private final String ifname;
    private final int fd;
    private final int timeoutMillis;
    private final byte[] mac;
    private final Pointer ring;
    private final long ringLength;
    private final long ringAddress;
    private final FrameRing frames;
    private final Memory sendMemory;
    private final SendBatch batch;
    private final Memory slots;
    private final ByteBuffer slotView;
    private final int slotSize;
    private final Memory pollFd = new Memory(8);
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;
    private boolean released;
    private ByteBuffer handed;
    private ByteBuffer lentSlot;
    private long lentSlotAddress;
    private long kernelDrops;
    private int failed;
    private String lastError;

    private PacketFramePort(String ifname, int fd, int timeoutMillis, byte[] mac, int mtu, Pointer ring, Geometry g) {
        this.ifname = ifname;
        this.fd = fd;
        this.timeoutMillis = timeoutMillis;
        this.mac = mac;
        this.ring = ring;
        this.ringLength = g.bytes();
        this.ringAddress = Pointer.nativeValue(ring);
        this.frames = new FrameRing(ring.getByteBuffer(0, g.bytes()), g.slotSize(), g.slots());
        this.sendMemory = new Memory(SendBatch.bytes(BATCH));
        this.batch = new SendBatch(sendMemory.getByteBuffer(0, sendMemory.size()), Pointer.nativeValue(sendMemory), BATCH);
        this.slotSize = (mtu + ETH_HEADER + VLAN_TAG + 63) & ~63;
        this.slots = new Memory((long) slotSize * BATCH);
        this.slotView = slots.getByteBuffer(0, slots.size());
        pollFd.setInt(0, fd);
    }

    /**
     * Opens {@code ifname} for the frames {@code filter} passes, with a read timeout of
     * {@code timeoutMillis}. Needs CAP_NET_RAW.
     */
    public static PacketFramePort open(String ifname, SocketFilter filter, int timeoutMillis) throws IOException {
        int fd;
        try {
            // protocol 0 receives nothing until the bind: no frame slips in before the filter
            fd = LIBC.socket(PacketLibC.AF_PACKET, PacketLibC.SOCK_RAW | PacketLibC.SOCK_CLOEXEC, 0);
        } catch (LastErrorException e) {
            throw new IOException(ifname + ": socket(AF_PACKET): " + e.getMessage(), e);
        }
        Pointer ring = null;
        Geometry g = null;
        try {
            attachFilter(ifname, fd, filter);
            setInt(ifname, fd, PacketLibC.PACKET_VERSION, "PACKET_VERSION", PacketLibC.TPACKET_V2);
            setInt(ifname, fd, PacketLibC.PACKET_IGNORE_OUTGOING, "PACKET_IGNORE_OUTGOING", 1);
            int mtu = ByteBuffer.wrap(ifreq(ifname, fd, PacketLibC.SIOCGIFMTU, "SIOCGIFMTU"))
                    .order(ByteOrder.nativeOrder()).getInt(16);
            g = Geometry.of(mtu);
            ByteBuffer req = ByteBuffer.allocate(16).order(ByteOrder.nativeOrder());
            req.putInt(g.blockSize()).putInt(g.blocks()).putInt(g.slotSize()).putInt(g.slots());
            call(ifname, "setsockopt(PACKET_RX_RING)", () -> LIBC.setsockopt(fd, PacketLibC.SOL_PACKET,
                    PacketLibC.PACKET_RX_RING, req.array(), 16));
            ring = LIBC.mmap(null, g.bytes(), PacketLibC.PROT_READ | PacketLibC.PROT_WRITE,
                    PacketLibC.MAP_SHARED | PacketLibC.MAP_POPULATE, fd, 0);
            int index = LIBC.if_nametoindex(ifname);
            if (index == 0) {
                throw new IOException("no such interface: " + ifname);
            }
            ByteBuffer sll = ByteBuffer.allocate(20).order(ByteOrder.nativeOrder());
            sll.putShort((short) PacketLibC.AF_PACKET).putShort(PacketLibC.ETH_P_ALL_BE).putInt(index);
            call(ifname, "bind", () -> LIBC.bind(fd, sll.array(), 20));
            byte[] hw = ifreq(ifname, fd, PacketLibC.SIOCGIFHWADDR, "SIOCGIFHWADDR");
            byte[] mac = new byte[6];
            System.arraycopy(hw, 18, mac, 0, 6);
            return new PacketFramePort(ifname, fd, timeoutMillis, mac, mtu, ring, g);
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

    @Override
    public int receive(Handler handler) throws IOException {
        lock.lock();
        try {
            if (closed) {
                return 0;
            }
            if (!frames.ready()) {
                pollFd.setShort(4, (short) (PacketLibC.POLLIN | PacketLibC.POLLERR));
                pollFd.setShort(6, (short) 0);
                try {
                    LIBC.poll(pollFd, 1, timeoutMillis);
                } catch (LastErrorException interrupted) {
                    return 0;
                }
            }
            int handed = 0;
            for (int i = 0; i < RING_BYTES / BATCH && frames.ready(); i++) {
                try {
                    handed += frames.walk(BATCH, frame -> {
                        this.handed = frame;
                        handler.frame(frame);
                    });
                } finally {
                    this.handed = null;
                    sendQueued();
                    frames.release();
                }
            }
            reportFailures();
            return handed;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void send(ByteBuffer frame) throws IOException {
        int length = frame.limit();
        long address;
        if (frame == handed) {
            address = ringAddress + frames.frameOffset();
        } else if (frame == lentSlot) {
            address = lentSlotAddress;
        } else if (frame.isDirect()) {
            address = Pointer.nativeValue(Native.getDirectBufferPointer(frame));
        } else {
            ByteBuffer slot = sendBuffer(length);
            slot.put(0, frame, 0, length);
            address = lentSlotAddress;
        }
        if (batch.size() == BATCH) {
            sendQueued();
        }
        batch.add(address, length);
    }

    /**
     * {@inheritDoc} The buffer is the send slot of the batch's next place: valid until the next
     * call of this method or the next flush.
     */
    @Override
    public ByteBuffer sendBuffer(int length) throws IOException {
        if (length > slotSize) {
            throw new IOException(ifname + ": a " + length + "-byte frame exceeds the interface's MTU");
        }
        if (batch.size() == BATCH) {
            sendQueued();
        }
        int at = batch.size() * slotSize;
        lentSlot = slotView.slice(at, slotSize).order(ByteOrder.BIG_ENDIAN);
        lentSlotAddress = Pointer.nativeValue(slots) + at;
        return lentSlot;
    }

    @Override
    public void flush() throws IOException {
        sendQueued();
        reportFailures();
    }

    /** One sendmmsg for the queued frames (more when the kernel takes part); a refused frame is counted and skipped. */
    private void sendQueued() {
        int n = batch.size();
        for (int k = 0; k < n; ) {
            try {
                k += Math.max(1, LIBC.sendmmsg(fd, sendMemory.share(SendBatch.offset(k)), n - k, 0));
            } catch (LastErrorException e) {
                failed++;
                lastError = e.getMessage();
                k++;
            }
        }
        batch.clear();
        lentSlot = null;
    }

    private void reportFailures() throws IOException {
        if (failed > 0) {
            int n = failed;
            failed = 0;
            throw new IOException(ifname + ": " + n + " frames not sent: " + lastError);
        }
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /**
     * {@inheritDoc} Frames the kernel found no room for in the ring (PACKET_STATISTICS) and frames
     * longer than a block.
     */
    @Override
    public long dropped() {
        lock.lock();
        try {
            if (!released) {
                byte[] stats = new byte[12];
                LIBC.getsockopt(fd, PacketLibC.SOL_PACKET, PacketLibC.PACKET_STATISTICS, stats, new IntByReference(12));
                kernelDrops += ByteBuffer.wrap(stats).order(ByteOrder.nativeOrder()).getInt(4) & 0xffffffffL;
            }
            return kernelDrops + frames.truncated();
        } catch (LastErrorException e) {
            return kernelDrops + frames.truncated();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for a receive in progress (at most its read timeout), then unmaps the ring and closes the socket. */
    @Override
    public void close() {
        closed = true;
        lock.lock();
        try {
            if (released) {
                return;
            }
            released = true;
            LIBC.munmap(ring, ringLength);
            LIBC.close(fd);
            sendMemory.close();
            slots.close();
            pollFd.close();
        } catch (LastErrorException e) {
            // nothing is left to release on this path; the descriptor is gone either way
        } finally {
            lock.unlock();
        }
    }

    /** The ring's layout for an MTU: slots of a power of two that hold a whole frame, in 64 KiB blocks (or one slot each). */
    record Geometry(int slotSize, int slots, int blockSize, int blocks) {
        static Geometry of(int mtu) {
            int slot = Integer.highestOneBit(SLOT_OVERHEAD + ETH_HEADER + VLAN_TAG + mtu - 1) << 1;
            int block = Math.max(slot, BLOCK_SIZE);
            int blocks = Math.max(4, RING_BYTES / block);
            return new Geometry(slot, blocks * (block / slot), block, blocks);
        }

        long bytes() {
            return (long) blockSize * blocks;
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
                    PacketLibC.SO_ATTACH_FILTER, fprog, 16));
        }
    }

    private static byte[] ifreq(String ifname, int fd, long request, String name) throws IOException {
        byte[] ifreq = new byte[40];
        byte[] n = ifname.getBytes(StandardCharsets.US_ASCII);
        if (n.length > 15) {
            throw new IOException("interface name too long: " + ifname);
        }
        System.arraycopy(n, 0, ifreq, 0, n.length);
        call(ifname, "ioctl(" + name + ")", () -> LIBC.ioctl(fd, request, ifreq));
        return ifreq;
    }
}
