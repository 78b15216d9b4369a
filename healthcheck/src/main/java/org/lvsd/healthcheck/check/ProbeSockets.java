package org.lvsd.healthcheck.check;

import io.netty.channel.Channel;
import io.netty.channel.ChannelException;
import io.netty.channel.ChannelOption;
import io.netty.channel.unix.IntegerUnixChannelOption;
import io.netty.channel.unix.RawUnixChannelOption;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.lvsd.healthcheck.spec.ConnectOptions;

/**
 * The source side of a probe socket (socket(7), ip(7)): {@code bind_if} as SO_BINDTODEVICE,
 * {@code fwmark} as SO_MARK (both on the epoll transport only), and the local address from
 * {@code bindto} and {@code bind_port}. A fixed source port also sets SO_REUSEADDR so that the
 * next probe can bind it again at once.
 */
final class ProbeSockets {

    /** SOL_SOCKET, SO_BINDTODEVICE and SO_MARK (asm-generic/socket.h). */
    private static final int SOL_SOCKET = 1;
    private static final int SO_BINDTODEVICE = 25;
    private static final int SO_MARK = 36;
    /** IFNAMSIZ (linux/if.h). */
    private static final int IFNAMSIZ = 16;

    static final ChannelOption<ByteBuffer> BIND_TO_DEVICE =
            new RawUnixChannelOption("SO_BINDTODEVICE", SOL_SOCKET, SO_BINDTODEVICE, IFNAMSIZ);
    static final ChannelOption<Integer> MARK =
            new IntegerUnixChannelOption("SO_MARK", SOL_SOCKET, SO_MARK);

    private ProbeSockets() {
    }

    /**
     * Sets {@code bind_if}, {@code fwmark} and SO_REUSEADDR (with {@code bind_port}) on a new,
     * unregistered channel.
     *
     * @return null when done, else why not, naming the keyword ("fwmark 7: setsockopt() failed:
     *         Operation not permitted")
     */
    static String configure(Channel ch, ConnectOptions connect) {
        if (connect.bindInterface().isPresent()) {
            String name = connect.bindInterface().get();
            ByteBuffer value = ByteBuffer.allocateDirect(IFNAMSIZ);
            value.put(name.getBytes(StandardCharsets.US_ASCII)).position(0);
            String error = set(ch, BIND_TO_DEVICE, value, "bind_if " + name);
            if (error != null) {
                return error;
            }
        }
        if (connect.fwmark().isPresent()) {
            int mark = connect.fwmark().getAsInt();
            String error = set(ch, MARK, mark, "fwmark " + mark);
            if (error != null) {
                return error;
            }
        }
        return connect.bindPort().isPresent()
                ? set(ch, ChannelOption.SO_REUSEADDR, true, "bind_port") : null;
    }

    private static <T> String set(Channel ch, ChannelOption<T> option, T value, String what) {
        try {
            return ch.config().setOption(option, value) ? null
                    : what + ": needs the epoll transport";
        } catch (ChannelException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            return what + ": " + cause.getMessage();
        }
    }

    /** The local address to bind, or null to let the kernel pick (no bindto, no bind_port). */
    static InetSocketAddress local(ConnectOptions connect, InetSocketAddress target) {
        if (connect.bindTo().isEmpty() && connect.bindPort().isEmpty()) {
            return null;
        }
        InetAddress address = connect.bindTo().orElseGet(() -> wildcard(target));
        return new InetSocketAddress(address, connect.bindPort().orElse(0));
    }

    private static InetAddress wildcard(InetSocketAddress target) {
        return new InetSocketAddress(target.getAddress() instanceof Inet6Address ? "::"
                : "0.0.0.0", 0).getAddress();
    }
}
