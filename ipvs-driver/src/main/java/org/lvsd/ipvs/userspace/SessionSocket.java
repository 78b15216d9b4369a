package org.lvsd.ipvs.userspace;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.IoEvent;
import io.netty.channel.IoEventLoop;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.EpollIoOps;
import io.netty.channel.unix.FileDescriptor;
import io.netty.channel.unix.Socket;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.NotYetConnectedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One of the two sockets of a {@link TcpSession}: a bare non-blocking socket registered once on
 * the session's event loop with a fixed, edge-triggered interest set (epoll(7): EPOLLIN, EPOLLOUT,
 * EPOLLRDHUP, EPOLLET), so no epoll_ctl(2) follows the registration: instead of switching read
 * interest off and on, the session remembers whether this socket may have more to read
 * ({@link #readable}) and reads it again when it may, and only what a short write left over waits
 * here ({@link #pending}).
 *
 * <p>Edge-triggered means every event must be taken in full: the session reads until read(2) says
 * EAGAIN, returns less than it asked for (all that was queued; new data raises a new event), or
 * reaches the end of stream, and writes until the pending bytes are gone or write(2) is short.
 */
final class SessionSocket implements EpollIoHandle {
    private static final Logger LOG = LoggerFactory.getLogger(SessionSocket.class);
    /** The interest set, for the socket's whole life. */
    static final EpollIoOps INTEREST = EpollIoOps.EPOLLIN.with(EpollIoOps.EPOLLOUT)
            .with(EpollIoOps.EPOLLRDHUP).with(EpollIoOps.EPOLLET);
    private static final int OUT = EpollIoOps.EPOLLOUT.value();
    private static final int IN_OR_RDHUP = EpollIoOps.EPOLLIN.value() | EpollIoOps.EPOLLRDHUP.value();
    private static final int IN_OR_OUT = EpollIoOps.EPOLLIN.value() | OUT;

    final Socket socket;
    final boolean client;
    private final TcpSession session;
    private IoRegistration registration;
    /** More may be queued to read: set by every readable event, cleared when a read drains it. */
    boolean readable;
    /** The peer's FIN (EPOLLRDHUP) or an error was reported: read on until the end of stream. */
    boolean hangup;
    /** The end of stream was read. */
    boolean inputDone;
    /** Our FIN goes out once {@link #pending} is written. */
    boolean shutdownWanted;
    /** Bytes toward this socket that a short write left over; null when none. */
    ByteBuf pending;

    SessionSocket(TcpSession session, Socket socket, boolean client) {
        this.session = session;
        this.socket = socket;
        this.client = client;
    }

    /** Registers with the fixed interest set; on the loop's thread, where it completes at once. */
    void register(IoEventLoop loop) throws Exception {
        registration = loop.register(this).sync().getNow();
        registration.submit(INTEREST);
    }

    /** Whether {@code ops} says there may be something to read (data, FIN, error). */
    static boolean readEvent(int ops) {
        return (ops & ~OUT) != 0;
    }

    /** Whether {@code ops} says the socket can be written (or failed: the write will tell). */
    static boolean writeEvent(int ops) {
        return (ops & ~IN_OR_RDHUP) != 0;
    }

    /** Whether {@code ops} reports the peer's FIN, a hangup or an error (EPOLLRDHUP, EPOLLHUP, EPOLLERR). */
    static boolean hangupEvent(int ops) {
        return (ops & ~IN_OR_OUT) != 0;
    }

    /**
     * Hands the event to the session. Nothing may escape to the event loop: it would drop the rest
     * of the loop's batch of events, which edge-triggered sockets never report again.
     */
    @Override
    public void handle(IoRegistration reg, IoEvent event) {
        try {
            session.event(this, ((EpollIoEvent) event).ops().value());
        } catch (RuntimeException e) {
            LOG.warn("{} socket of a proxied connection: {}", side(), e.toString(), e);
            session.close();
        }
    }

    /** "client" or "server", for messages. */
    String side() {
        return client ? "client" : "server";
    }

    /** Reads into {@code buf}[0, {@code limit}): bytes read, 0 for EAGAIN, -1 at the end of stream. */
    int read(ByteBuffer buf, int limit) throws IOException {
        try {
            return socket.read(buf, 0, limit);
        } catch (NotYetConnectedException e) {
            throw notConnected("read");
        }
    }

    /** Writes {@code buf}[{@code from}, {@code to}): bytes written, 0 for EAGAIN. */
    int write(ByteBuffer buf, int from, int to) throws IOException {
        try {
            return socket.write(buf, from, to);
        } catch (NotYetConnectedException e) {
            throw notConnected("write");
        }
    }

    /**
     * Netty reports ENOTCONN (a socket the peer has reset) unchecked, as NotYetConnectedException;
     * here it is an IOException like every other error of a peer.
     */
    private static IOException notConnected(String call) {
        return new IOException(call + ": ENOTCONN (reset by the peer)");
    }

    /** Keeps {@code buf}[{@code from}, {@code to}) after what is already pending. */
    void keep(ByteBuffer buf, int from, int to) {
        if (pending == null) {
            pending = ByteBufAllocator.DEFAULT.directBuffer(to - from);
        }
        pending.writeBytes(buf.duplicate().limit(to).position(from));
    }

    /** Keeps {@code bytes} as the first bytes to write. */
    void keep(byte[] bytes) {
        pending = ByteBufAllocator.DEFAULT.directBuffer(bytes.length).writeBytes(bytes);
    }

    /** Writes what is pending: true once all of it is gone (and the buffer released). */
    boolean flush() throws IOException {
        ByteBuffer nio = pending.internalNioBuffer(pending.readerIndex(), pending.readableBytes());
        int n = write(nio, nio.position(), nio.limit());
        pending.skipBytes(n);
        if (pending.isReadable()) {
            return false;
        }
        pending.release();
        pending = null;
        return true;
    }

    int pendingBytes() {
        return pending == null ? 0 : pending.readableBytes();
    }

    /** Our FIN: shutdown(2) of the output, reads go on. */
    void shutdownOutput() throws IOException {
        try {
            socket.shutdown(false, true);
        } catch (NotYetConnectedException e) {
            throw notConnected("shutdown");
        }
    }

    /** Makes the coming close(2) send a reset instead of a FIN (SO_LINGER 0). */
    void resetOnClose() {
        try {
            socket.setSoLinger(0);
        } catch (IOException e) {
            LOG.debug("SO_LINGER 0: {}", e.toString());
        }
    }

    /** Drops what is pending; the socket closes later ({@link TcpLoop#closeLater}). */
    void discard() {
        if (pending != null) {
            pending.release();
            pending = null;
        }
    }

    /**
     * close(2), then the registration's cancel, which finds the descriptor closed and so makes no
     * epoll_ctl (close removed it from the epoll set already).
     */
    void closeNow() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debug("close: {}", e.toString());
        }
        if (registration != null) {
            registration.cancel();
        }
    }

    @Override
    public FileDescriptor fd() {
        return socket;
    }

    /** The event loop is stopping: the session ends. */
    @Override
    public void close() {
        session.close();
    }
}
