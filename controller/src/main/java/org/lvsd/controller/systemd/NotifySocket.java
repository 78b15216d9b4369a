package org.lvsd.controller.systemd;

import com.sun.jna.LastErrorException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The {@code $NOTIFY_SOCKET} address as a {@code struct sockaddr_un} and one datagram send per
 * message, as sd_notify(3) does: an absolute path, or {@code @name} for an abstract socket whose
 * name starts with a NUL byte and is not NUL-terminated (unix(7) "Abstract sockets").
 */
final class NotifySocket {

    /** {@code sizeof(sun_path)} on Linux. */
    static final int SUN_PATH_MAX = 108;

    private final String name;
    private final byte[] address;

    private NotifySocket(String name, byte[] address) {
        this.name = name;
        this.address = address;
    }

    /** The socket named by {@code value}, empty when it is neither a path nor {@code @name}, or too long. */
    static Optional<NotifySocket> parse(String value) {
        if (value == null || value.length() < 2 || !(value.startsWith("/") || value.startsWith("@"))) {
            return Optional.empty();
        }
        byte[] path = value.getBytes(StandardCharsets.UTF_8);
        boolean abstractName = path[0] == '@';
        if (path.length + (abstractName ? 0 : 1) > SUN_PATH_MAX) {
            return Optional.empty();
        }
        return Optional.of(new NotifySocket(value, sockaddr(path, abstractName)));
    }

    /** {@code sun_family} (native byte order), then the path (NUL-ended) or NUL and the abstract name. */
    static byte[] sockaddr(byte[] path, boolean abstractName) {
        ByteBuffer b = ByteBuffer.allocate(2 + path.length + (abstractName ? 0 : 1)).order(ByteOrder.nativeOrder());
        b.putShort((short) LibC.AF_UNIX);
        if (abstractName) {
            b.put((byte) 0).put(path, 1, path.length - 1);
        } else {
            b.put(path).put((byte) 0);
        }
        return b.array();
    }

    /** Sends {@code message} as one datagram. */
    void send(String message) throws IOException {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        try {
            int fd = LibC.INSTANCE.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
            try {
                LibC.INSTANCE.sendto(fd, bytes, bytes.length, LibC.MSG_NOSIGNAL, address, address.length);
            } finally {
                LibC.INSTANCE.close(fd);
            }
        } catch (LastErrorException e) {
            throw new IOException("sending to NOTIFY_SOCKET " + name + " failed: errno " + e.getErrorCode(), e);
        }
    }

    /** {@code CLOCK_MONOTONIC} in microseconds, the clock {@code MONOTONIC_USEC} is read on. */
    static long monotonicMicros() {
        long[] ts = new long[2];
        LibC.INSTANCE.clock_gettime(LibC.CLOCK_MONOTONIC, ts);
        return ts[0] * 1_000_000L + ts[1] / 1_000L;
    }

    @Override
    public String toString() {
        return name;
    }
}
