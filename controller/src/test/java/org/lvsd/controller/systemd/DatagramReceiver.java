package org.lvsd.controller.systemd;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** A bound unix datagram socket standing in for systemd's notify socket. */
final class DatagramReceiver implements AutoCloseable {

    /** bind(2) and recv(2), which only the tests need. */
    interface Calls extends Library {
        Calls INSTANCE = Native.load("c", Calls.class);
        int EAGAIN = 11;
        int MSG_DONTWAIT = 0x40;

        int bind(int fd, byte[] addr, int addrLen) throws LastErrorException;

        long recv(int fd, byte[] buf, long len, int flags) throws LastErrorException;
    }

    private final int fd;

    /** Binds {@code name}: a path, or {@code @name} for the abstract namespace. */
    DatagramReceiver(String name) {
        fd = LibC.INSTANCE.socket(LibC.AF_UNIX, LibC.SOCK_DGRAM | LibC.SOCK_CLOEXEC, 0);
        byte[] path = name.getBytes(StandardCharsets.UTF_8);
        byte[] addr = NotifySocket.sockaddr(path, name.startsWith("@"));
        Calls.INSTANCE.bind(fd, addr, addr.length);
    }

    /** The next datagram if one is queued. */
    Optional<String> poll() {
        byte[] buf = new byte[4096];
        try {
            long n = Calls.INSTANCE.recv(fd, buf, buf.length, Calls.MSG_DONTWAIT);
            return Optional.of(new String(buf, 0, (int) n, StandardCharsets.UTF_8));
        } catch (LastErrorException e) {
            if (e.getErrorCode() == Calls.EAGAIN) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        LibC.INSTANCE.close(fd);
    }
}
