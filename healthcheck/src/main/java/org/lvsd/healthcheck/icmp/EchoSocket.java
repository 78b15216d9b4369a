package org.lvsd.healthcheck.icmp;

import com.sun.jna.LastErrorException;
import com.sun.jna.ptr.IntByReference;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * One ICMP socket of one family and the daemon thread that reads it. The thread polls with a
 * short timeout so that {@link #close()} ends it promptly; the descriptor is closed only after
 * the thread has stopped and no send is under way, so a reused descriptor number is never
 * read or written.
 */
final class EchoSocket implements AutoCloseable {

    /** How the socket was opened. */
    enum Kind {
        /** {@code SOCK_DGRAM}: unprivileged ping socket, icmp(7). */
        DATAGRAM,
        /** {@code SOCK_RAW}: needs {@code CAP_NET_RAW}, raw(7). */
        RAW
    }

    /** Receives every echo reply the socket reads, on the reader thread. */
    interface Listener {
        void reply(InetAddress from, EchoCodec.Echo echo, long receivedNanos);
    }

    private static final int POLL_MILLIS = 100;
    private static final int BUFFER = 2048;

    private final IcmpFamily family;
    private final int fd;
    private final Kind kind;
    private final int identifier;
    private final Listener listener;
    private final Thread reader;
    private final ReadWriteLock sending = new ReentrantReadWriteLock();
    private volatile boolean closed;

    private EchoSocket(IcmpFamily family, int fd, Kind kind, int identifier, Listener listener) {
        this.family = family;
        this.fd = fd;
        this.kind = kind;
        this.identifier = identifier;
        this.listener = listener;
        this.reader = new Thread(this::readLoop,
                "lvsd-icmp-" + family.name().toLowerCase(Locale.ROOT));
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /**
     * Opens a ping socket, or a raw socket when ping sockets are not allowed to this process.
     *
     * @throws IOException when neither can be opened (both errors in the message)
     */
    static EchoSocket open(IcmpFamily family, Listener listener) throws IOException {
        IcmpLibC c = IcmpLibC.INSTANCE;
        String datagramError;
        try {
            int fd = c.socket(family.addressFamily(),
                    IcmpLibC.SOCK_DGRAM | IcmpLibC.SOCK_CLOEXEC, family.protocol());
            try {
                SocketOptions.receiveBuffer(fd);
                return new EchoSocket(family, fd, Kind.DATAGRAM, bindIdentifier(family, fd),
                        listener);
            } catch (LastErrorException e) {
                c.close(fd);
                throw e;
            }
        } catch (LastErrorException e) {
            datagramError = e.getMessage();
        }
        try {
            int fd = c.socket(family.addressFamily(),
                    IcmpLibC.SOCK_RAW | IcmpLibC.SOCK_CLOEXEC, family.protocol());
            try {
                SocketOptions.receiveBuffer(fd);
                SocketOptions.echoReplyFilter(fd, family);
            } catch (LastErrorException e) {
                c.close(fd);
                throw e;
            }
            int identifier = ThreadLocalRandom.current().nextInt(1, 0x10000);
            return new EchoSocket(family, fd, Kind.RAW, identifier, listener);
        } catch (LastErrorException e) {
            throw new IOException("ICMP socket unavailable (ping socket: " + datagramError
                    + "; raw socket: " + e.getMessage() + ")");
        }
    }

    /** Binds a ping socket to "port" 0: the kernel picks the echo identifier, icmp(7). */
    private static int bindIdentifier(IcmpFamily family, int fd) {
        InetAddress any = family == IcmpFamily.INET ? Addresses.ANY4 : Addresses.ANY6;
        byte[] addr = SockAddr.of(any, 0);
        IcmpLibC.INSTANCE.bind(fd, addr, addr.length);
        byte[] bound = new byte[SockAddr.MAX];
        IcmpLibC.INSTANCE.getsockname(fd, bound, new IntByReference(bound.length));
        return SockAddr.port(bound);
    }

    Kind kind() {
        return kind;
    }

    /** The echo identifier every request carries and every accepted reply must carry. */
    int identifier() {
        return identifier;
    }

    /** Sends one echo request. */
    void send(InetAddress target, int sequence, byte[] data) throws IOException {
        byte[] packet = EchoCodec.request(family, identifier, sequence, data);
        byte[] addr = SockAddr.of(target, 0);
        sending.readLock().lock();
        try {
            if (closed) {
                throw new IOException("ICMP socket closed");
            }
            IcmpLibC.INSTANCE.sendto(fd, packet, packet.length, 0, addr, addr.length);
        } catch (LastErrorException e) {
            throw new IOException("sendto: " + e.getMessage(), e);
        } finally {
            sending.readLock().unlock();
        }
    }

    private void readLoop() {
        IcmpLibC c = IcmpLibC.INSTANCE;
        byte[] pollFd = ByteBuffer.allocate(8).order(ByteOrder.nativeOrder())
                .putInt(fd).putShort(IcmpLibC.POLLIN).array();
        byte[] buffer = new byte[BUFFER];
        byte[] from = new byte[SockAddr.MAX];
        IntByReference fromLength = new IntByReference();
        boolean ipHeader = kind == Kind.RAW && family == IcmpFamily.INET;
        while (!closed) {
            try {
                if (c.poll(pollFd, 1, POLL_MILLIS) <= 0) {
                    continue;
                }
                while (!closed) {
                    fromLength.setValue(from.length);
                    int n = (int) c.recvfrom(fd, buffer, buffer.length, IcmpLibC.MSG_DONTWAIT,
                            from, fromLength);
                    long now = System.nanoTime();
                    EchoCodec.reply(family, buffer, Math.min(n, buffer.length), ipHeader)
                            .filter(echo -> echo.identifier() == identifier)
                            .ifPresent(echo -> listener.reply(SockAddr.address(from, family),
                                    echo, now));
                }
            } catch (LastErrorException e) {
                if (e.getErrorCode() != IcmpLibC.EAGAIN && e.getErrorCode() != IcmpLibC.EINTR) {
                    pause();
                }
            }
        }
    }

    /** After an unexpected read error (for example ENOMEM), back off instead of spinning. */
    private void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            closed = true;
        }
    }

    @Override
    public void close() {
        closed = true;
        boolean interrupted = false;
        while (reader.isAlive()) {
            try {
                reader.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        sending.writeLock().lock();
        try {
            IcmpLibC.INSTANCE.close(fd);
        } finally {
            sending.writeLock().unlock();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
