package org.lvsd.ipvs.userspace.dr;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Raw Ethernet frames in and out of one interface, in batches and without a copy per frame: a
 * received frame is lent to a {@link Handler} as a buffer view of the port's receive ring, which
 * the handler may rewrite in place and {@link #send} on; queued sends go out together when the
 * batch ends. A frame buffer holds the frame from index 0 to its limit, big-endian. One thread
 * receives; the sends of a batch come from its handler.
 */
public interface FramePort extends AutoCloseable {
    /** What the receiving thread does with each frame of a batch. */
    @FunctionalInterface
    interface Handler {
        /** Handles one frame; the buffer is valid only until this batch's sends are flushed. */
        void frame(ByteBuffer frame) throws IOException;
    }

    /**
     * Waits up to the port's read timeout for a batch of received frames, hands each to
     * {@code handler}, then flushes the sends it queued. A frame the kernel refused to send does
     * not stop the batch: the failures are reported together afterwards.
     *
     * @return the frames handed over (0 when none arrived in time or the port is closed)
     * @throws IOException after the batch, when frames could not be sent; or when the interface
     *     reported an error (it went down), once per error
     */
    int receive(Handler handler) throws IOException;

    /**
     * The GSO type in the virtio_net_hdr of the frame the handler holds (linux/virtio_net.h
     * VIRTIO_NET_HDR_GSO_*: TCPV4 1, UDP 3, TCPV6 4, UDP_L4 5, with the ECN bit 0x80): not 0 when
     * the frame is a super-segment (up to 64 KiB, TSO or GRO) that the sender meant as segments of
     * {@link #gsoSize} payload bytes each; 0 outside a handler.
     */
    int gsoType();

    /** The segment size (gso_size) in the virtio_net_hdr of the frame the handler holds; 0 outside a handler. */
    int gsoSize();

    /**
     * Queues the frame between {@code frame}'s index 0 and its limit for sending: a received
     * frame (whose bytes past the MAC addresses are as received), a buffer from
     * {@link #sendBuffer}, or any other buffer (copied). The buffer must not change until
     * {@link #flush}.
     */
    void send(ByteBuffer frame) throws IOException;

    /** A writable buffer of at least {@code length} bytes that {@link #send} takes without a copy. */
    ByteBuffer sendBuffer(int length) throws IOException;

    /**
     * Sends what {@link #send} queued ({@link #receive} does this after each batch).
     *
     * @throws IOException when frames could not be sent (the others are sent)
     */
    void flush() throws IOException;

    /** Frames that arrived but could not be received (no room in the ring, or too long). */
    long dropped();

    /** The interface's own MAC address. */
    byte[] mac();

    /** Releases the socket; a {@link #receive} in progress ends within the read timeout first. */
    @Override
    void close();
}
