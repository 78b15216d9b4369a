package org.lvsd.netlink.socket;

import com.sun.jna.LastErrorException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.NetlinkException;

/**
 * Runs code inside another network namespace. Namespace membership is per thread (setns(2)), so
 * the action runs on a fresh thread that joins the namespace and then ends; a socket opened by
 * the action stays bound to that namespace and may be used from any thread afterwards.
 */
public final class NetworkNamespace {

    /** An action that may fail with a netlink error. */
    @FunctionalInterface
    public interface Action<T> {
        /** Runs inside the namespace. */
        T run() throws NetlinkException;
    }

    private NetworkNamespace() {
    }

    /**
     * Runs {@code action} in the namespace whose file is {@code nsFile} (for example
     * {@code /run/netns/NAME} made by {@code ip netns add}) and returns its result. Needs
     * {@code CAP_SYS_ADMIN}.
     */
    public static <T> T call(Path nsFile, Action<T> action) throws NetlinkException {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread t = new Thread(() -> {
            try {
                enter(nsFile);
                result.set(action.run());
            } catch (NetlinkException | RuntimeException | Error e) {
                failure.set(e);
            }
        }, "netns-" + nsFile.getFileName());
        t.start();
        try {
            t.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NetlinkException("interrupted waiting for namespace thread", -1, Errno.EINTR.code(), Optional.empty());
        }
        Throwable f = failure.get();
        if (f instanceof NetlinkException ne) {
            throw ne;
        } else if (f instanceof RuntimeException re) {
            throw re;
        } else if (f instanceof Error err) {
            throw err;
        }
        return result.get();
    }

    private static void enter(Path nsFile) throws NetlinkException {
        LibC c = LibC.INSTANCE;
        int fd;
        try {
            fd = c.open(nsFile.toString(), LibC.O_RDONLY | LibC.O_CLOEXEC);
        } catch (LastErrorException e) {
            throw new NetlinkException("open " + nsFile, -1, e.getErrorCode(), Optional.empty());
        }
        try {
            c.setns(fd, LibC.CLONE_NEWNET);
        } catch (LastErrorException e) {
            throw new NetlinkException("setns " + nsFile, -1, e.getErrorCode(), Optional.empty());
        } finally {
            c.close(fd);
        }
    }
}
