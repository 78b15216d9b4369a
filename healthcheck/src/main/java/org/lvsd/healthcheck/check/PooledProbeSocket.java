package org.lvsd.healthcheck.check;

import io.netty.channel.IoEvent;
import io.netty.channel.IoRegistration;
import io.netty.channel.epoll.EpollIoEvent;
import io.netty.channel.epoll.EpollIoHandle;
import io.netty.channel.epoll.LinuxSocket;
import io.netty.channel.unix.FileDescriptor;
import java.io.IOException;

/**
 * One TCP socket of a {@link ProbeSocketPool}, registered on its event loop for as long as it
 * is open. Between probes it is idle and unconnected; while a probe uses it ({@link #owner}),
 * its epoll events go to that probe. An event for an idle socket (the hangup its last
 * disconnect caused) is dropped.
 */
final class PooledProbeSocket implements EpollIoHandle {

    final LinuxSocket socket;
    final boolean ipv6;
    IoRegistration registration;
    /** The probe using the socket, null while it is idle. */
    BareProbe owner;
    /** When it last went idle (System.nanoTime()). */
    long idleSince;
    /** Closed for good: by the pool, or by the event loop's shutdown. */
    boolean closed;

    PooledProbeSocket(LinuxSocket socket, boolean ipv6) {
        this.socket = socket;
        this.ipv6 = ipv6;
    }

    @Override
    public void handle(IoRegistration reg, IoEvent event) {
        BareProbe probe = owner;
        if (probe != null) {
            probe.ready(((EpollIoEvent) event).ops().value());
        }
    }

    @Override
    public FileDescriptor fd() {
        return socket;
    }

    /** The event loop is shutting down: the probe using the socket fails, the socket closes. */
    @Override
    public void close() {
        closed = true;
        BareProbe probe = owner;
        owner = null;
        if (probe != null) {
            probe.stopped();
        }
        release();
    }

    /**
     * Closes the descriptor (close(2) also drops it from the epoll set, so no epoll_ctl(2)
     * follows), then the registration. A socket still connected closes with a reset (SO_LINGER 0).
     */
    void release() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // the descriptor is released either way (close(2))
        }
        IoRegistration r = registration;
        if (r != null) {
            r.cancel();
        }
    }
}
