package org.lvsd.ipvs.userspace.dr;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link FramePort} on a {@link PacketSocket}: frames are received into a TPACKET_V2 ring
 * mapped into this process ({@link FrameRing}: no copy and no call per frame; a poll(2) only when
 * no frame is waiting, then every waiting frame up to a batch) and sent in batches by one
 * sendmmsg(2) that points at the frames where they lie ({@link SendBatch}). Ring slots go back to
 * the kernel only after the sends that point into them have gone out. A received frame goes out
 * with the virtio_net_hdr the kernel wrote before it: a 64 KiB segment is split by the kernel
 * and a pending checksum completed, so such a frame must keep its offsets (only MAC addresses may
 * change). Any other frame goes out from a send slot with an empty header: complete, checksums
 * included.
 */
public final class PacketFramePort implements FramePort {
    /** The most frames handled before the queued sends go out and their slots go back: a quarter of the ring. */
    private static final int BATCH = 64;
    private static final int ETH_HEADER = 14;
    private static final int VLAN_TAG = 4;
    /** struct virtio_net_hdr: flags, gso_type, hdr_len, gso_size, csum_start, csum_offset. */
    private static final int VNET_HDR = 10;
    private static final int GSO_TYPE = 1;
    private static final int GSO_SIZE = 4;

    private final PacketSocket socket;
    private final int timeoutMillis;
    private final long ringAddress;
    private final FrameRing frames;
    /** The ring in native order, for the virtio_net_hdr before each frame (host order, as on a little-endian host). */
    private final ByteBuffer headers;
    private final Memory sendMemory;
    private final SendBatch batch;
    private final Memory slots;
    private final ByteBuffer slotView;
    private final int slotSize;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile boolean closed;
    private boolean released;
    private ByteBuffer lentFrame;
    private ByteBuffer lentSlot;
    private long lentSlotAddress;
    private long kernelDrops;
    private int failed;
    private String lastError;

    private PacketFramePort(PacketSocket socket, int timeoutMillis) {
        this.socket = socket;
        this.timeoutMillis = timeoutMillis;
        RingGeometry g = socket.geometry();
        this.ringAddress = Pointer.nativeValue(socket.ring());
        ByteBuffer ring = socket.ring().getByteBuffer(0, g.bytes());
        this.frames = new FrameRing(ring, g.slotSize(), g.slots());
        this.headers = ring.duplicate().order(ByteOrder.nativeOrder());
        this.sendMemory = new Memory(SendBatch.bytes(BATCH));
        this.batch = new SendBatch(sendMemory.getByteBuffer(0, sendMemory.size()), Pointer.nativeValue(sendMemory), BATCH);
        this.slotSize = (VNET_HDR + socket.mtu() + ETH_HEADER + VLAN_TAG + 63) & ~63;
        this.slots = new Memory((long) slotSize * BATCH);
        this.slotView = slots.getByteBuffer(0, slots.size());
    }

    /**
     * Opens {@code ifname} for the frames {@code filter} passes, with a read timeout of
     * {@code timeoutMillis}. Needs CAP_NET_RAW.
     */
    public static PacketFramePort open(String ifname, SocketFilter filter, int timeoutMillis) throws IOException {
        return new PacketFramePort(PacketSocket.open(ifname, filter), timeoutMillis);
    }

    @Override
    public int receive(Handler handler) throws IOException {
        lock.lock();
        try {
            if (closed) {
                return 0;
            }
            if (!frames.ready()) {
                socket.poll(timeoutMillis);
            }
            int handed = 0;
            for (int i = 0; i < socket.geometry().slots() / BATCH + 1 && frames.ready(); i++) {
                try {
                    handed += frames.walk(BATCH, frame -> {
                        lentFrame = frame;
                        handler.frame(frame);
                    });
                } finally {
                    lentFrame = null;
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
    public int gsoType() {
        return lentFrame == null ? 0 : headers.get(frames.frameOffset() - VNET_HDR + GSO_TYPE) & 0xff;
    }

    @Override
    public int gsoSize() {
        return lentFrame == null ? 0 : headers.getShort(frames.frameOffset() - VNET_HDR + GSO_SIZE) & 0xffff;
    }

    @Override
    public void send(ByteBuffer frame) throws IOException {
        int length = frame.limit();
        long address;
        if (frame == lentFrame) {
            address = ringAddress + frames.frameOffset() - VNET_HDR;
        } else if (frame == lentSlot) {
            address = lentSlotAddress;
        } else {
            ByteBuffer slot = sendBuffer(length);
            slot.put(0, frame, 0, length);
            address = lentSlotAddress;
        }
        if (batch.size() == BATCH) {
            sendQueued();
        }
        batch.add(address, VNET_HDR + length);
    }

    /**
     * {@inheritDoc} The buffer is the send slot of the batch's next place: valid until the next
     * call of this method or the next flush.
     */
    @Override
    public ByteBuffer sendBuffer(int length) throws IOException {
        if (VNET_HDR + length > slotSize) {
            throw new IOException(socket.ifname() + ": a " + length + "-byte frame exceeds the interface's MTU");
        }
        if (batch.size() == BATCH) {
            sendQueued();
        }
        int at = batch.size() * slotSize;
        slotView.putLong(at, 0).putShort(at + 8, (short) 0);
        lentSlot = slotView.slice(at + VNET_HDR, slotSize - VNET_HDR).order(ByteOrder.BIG_ENDIAN);
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
                k += Math.max(1, socket.sendmmsg(sendMemory.share(SendBatch.offset(k)), n - k));
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
            throw new IOException(socket.ifname() + ": " + n + " frames not sent: " + lastError);
        }
    }

    @Override
    public byte[] mac() {
        return socket.mac();
    }

    /**
     * {@inheritDoc} Frames the kernel found no room for in the ring (PACKET_STATISTICS) and frames
     * longer than a slot.
     */
    @Override
    public long dropped() {
        lock.lock();
        try {
            if (!released) {
                kernelDrops += socket.drops();
            }
            return kernelDrops + frames.truncated();
        } catch (IOException e) {
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
            socket.close();
            sendMemory.close();
            slots.close();
        } catch (LastErrorException e) {
            // nothing is left to release: the descriptor is gone either way
        } finally {
            lock.unlock();
        }
    }
}
