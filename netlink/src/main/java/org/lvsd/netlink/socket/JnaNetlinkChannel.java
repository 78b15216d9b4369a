package org.lvsd.netlink.socket;

import com.sun.jna.LastErrorException;
import com.sun.jna.Memory;
import com.sun.jna.ptr.IntByReference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code AF_NETLINK} {@code SOCK_RAW} socket through JNA. Bound with port id 0 (the kernel
 * picks one), extended ACK and capped ACK enabled, receive buffer enlarged for big dumps
 * ({@code SO_RCVBUFFORCE} when privileged, else {@code SO_RCVBUF} up to {@code rmem_max}).
 * Not thread-safe; {@link NetlinkSocket} serialises access.
 */
public final class JnaNetlinkChannel implements NetlinkChannel {
    /** Default receive buffer: room for large dumps and pipelined batches. */
    public static final int DEFAULT_RCVBUF = 4 << 20;
    private static final int SOCKADDR_NL_SIZE = 12;
    private static final int RECV_BUFFER = 256 << 10;
    private static final Logger LOG = LoggerFactory.getLogger(JnaNetlinkChannel.class);

    private final LibC c = LibC.INSTANCE;
    private final int fd;
    private final int portId;
    private final Memory buffer = new Memory(RECV_BUFFER);
    private boolean closed;

    private JnaNetlinkChannel(int fd, int portId) {
        this.fd = fd;
        this.portId = portId;
    }

    /**
     * Opens and binds a socket of this netlink protocol ({@code NETLINK_ROUTE} 0,
     * {@code NETLINK_GENERIC} 16) in the calling thread's network namespace.
     */
    public static JnaNetlinkChannel open(int protocol, int rcvBuf) throws NetlinkException {
        LibC c = LibC.INSTANCE;
        int fd = call("socket", () -> c.socket(LibC.AF_NETLINK, LibC.SOCK_RAW | LibC.SOCK_CLOEXEC, protocol));
        try {
            setRcvBuf(fd, rcvBuf);
            setInt(fd, LibC.SOL_NETLINK, LibC.NETLINK_EXT_ACK, 1, "NETLINK_EXT_ACK");
            setInt(fd, LibC.SOL_NETLINK, LibC.NETLINK_CAP_ACK, 1, "NETLINK_CAP_ACK");
            call("bind", () -> c.bind(fd, sockaddr(0), SOCKADDR_NL_SIZE));
            byte[] addr = new byte[SOCKADDR_NL_SIZE];
            call("getsockname", () -> c.getsockname(fd, addr, new IntByReference(addr.length)));
            int port = Netlink.wrap(addr).getInt(4);
            LOG.debug("netlink protocol {} socket fd {} bound to port {}", protocol, fd, port);
            return new JnaNetlinkChannel(fd, port);
        } catch (NetlinkException | RuntimeException e) {
            c.close(fd);
            throw e;
        }
    }

    @Override
    public int portId() {
        return portId;
    }

    /** The effective receive buffer size ({@code SO_RCVBUF}, as the kernel doubled it). */
    public int receiveBufferSize() throws NetlinkException {
        IntByReference v = new IntByReference();
        call("getsockopt SO_RCVBUF", () -> c.getsockopt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, v, new IntByReference(4)));
        return v.getValue();
    }

    @Override
    public void send(byte[] datagram) throws NetlinkException {
        long n = call("sendto", () -> (int) c.sendto(fd, datagram, datagram.length, 0, sockaddr(0), SOCKADDR_NL_SIZE));
        if (n != datagram.length) {
            throw new NetlinkException("sendto: short write " + n + " of " + datagram.length, -1,
                    Errno.EMSGSIZE.code(), Optional.empty());
        }
    }

    @Override
    public Optional<ByteBuffer> receive(Duration timeout) throws NetlinkException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (!readable((int) Math.max(0, Math.min(Integer.MAX_VALUE, (left + 999_999) / 1_000_000)))) {
                if (System.nanoTime() - deadline >= 0) {
                    return Optional.empty();
                }
                continue;
            }
            int n;
            try {
                n = (int) c.recvfrom(fd, buffer, RECV_BUFFER, LibC.MSG_TRUNC | LibC.MSG_DONTWAIT, null, null);
            } catch (LastErrorException e) {
                if (e.getErrorCode() == Errno.EINTR.code() || e.getErrorCode() == Errno.EAGAIN.code()) {
                    continue;
                }
                throw new NetlinkException("recvfrom", -1, e.getErrorCode(), Optional.empty());
            }
            if (n > RECV_BUFFER) {
                throw new NetlinkException("recvfrom: datagram of " + n + " bytes truncated to " + RECV_BUFFER,
                        -1, Errno.EMSGSIZE.code(), Optional.empty());
            }
            return Optional.of(ByteBuffer.wrap(buffer.getByteArray(0, n)).order(Netlink.ORDER));
        }
    }

    @Override
    public void joinGroup(int group) throws NetlinkException {
        setInt(fd, LibC.SOL_NETLINK, LibC.NETLINK_ADD_MEMBERSHIP, group, "NETLINK_ADD_MEMBERSHIP " + group);
    }

    @Override
    public void leaveGroup(int group) throws NetlinkException {
        setInt(fd, LibC.SOL_NETLINK, LibC.NETLINK_DROP_MEMBERSHIP, group, "NETLINK_DROP_MEMBERSHIP " + group);
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            c.close(fd);
        }
    }

    private boolean readable(int timeoutMillis) throws NetlinkException {
        ByteBuffer pfd = ByteBuffer.allocate(8).order(Netlink.ORDER).putInt(fd).putShort(LibC.POLLIN).putShort((short) 0);
        try {
            return c.poll(pfd.array(), 1, timeoutMillis) > 0;
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Errno.EINTR.code()) {
                return false;
            }
            throw new NetlinkException("poll", -1, e.getErrorCode(), Optional.empty());
        }
    }

    private static void setRcvBuf(int fd, int size) throws NetlinkException {
        try {
            setInt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUFFORCE, size, "SO_RCVBUFFORCE");
        } catch (NetlinkException e) {
            if (!e.is(Errno.EPERM)) {
                throw e;
            }
            LOG.debug("SO_RCVBUFFORCE not permitted, using SO_RCVBUF (capped by net.core.rmem_max)");
            setInt(fd, LibC.SOL_SOCKET, LibC.SO_RCVBUF, size, "SO_RCVBUF");
        }
    }

    private static void setInt(int fd, int level, int name, int value, String what) throws NetlinkException {
        call("setsockopt " + what, () -> LibC.INSTANCE.setsockopt(fd, level, name, new IntByReference(value), 4));
    }

    private static byte[] sockaddr(int pid) {
        return ByteBuffer.allocate(SOCKADDR_NL_SIZE).order(Netlink.ORDER)
                .putShort((short) LibC.AF_NETLINK).putShort((short) 0).putInt(pid).putInt(0).array();
    }

    private interface Syscall {
        int invoke();
    }

    private static int call(String what, Syscall s) throws NetlinkException {
        try {
            return s.invoke();
        } catch (LastErrorException e) {
            throw new NetlinkException(what, -1, e.getErrorCode(), Optional.empty());
        }
    }
}
