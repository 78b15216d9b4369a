package org.lvsd.controller.lvs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;

import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.socket.NetworkNamespace;

/**
 * A real server's TCP listener, bound inside a network namespace: it accepts every connection
 * and closes it at once, which is all a TCP_CHECK needs. Once closed, connections to it are
 * refused (RST), so a TCP_CHECK fails.
 */
final class RealServerListener implements AutoCloseable {

    private final ServerSocket socket;

    private RealServerListener(ServerSocket socket, String label) {
        this.socket = socket;
        Thread acceptor = new Thread(this::acceptAll, "listen-" + label);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Listens on {@code address:port} in the namespace whose file is {@code netns}. */
    static RealServerListener open(Path netns, String address, int port) throws NetlinkException {
        ServerSocket s = NetworkNamespace.call(netns, () -> {
            try {
                ServerSocket server = new ServerSocket();
                server.setReuseAddress(true);
                server.bind(new InetSocketAddress(InetAddress.getByName(address), port));
                return server;
            } catch (IOException e) {
                throw new UncheckedIOException("listen on " + address + ":" + port, e);
            }
        });
        return new RealServerListener(s, address + ":" + port);
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try (Socket ignored = socket.accept()) {
                // accepted and closed: the TCP_CHECK saw a listening server
            } catch (IOException e) {
                // closed by close(), or one connection failed: the loop condition decides
            }
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
