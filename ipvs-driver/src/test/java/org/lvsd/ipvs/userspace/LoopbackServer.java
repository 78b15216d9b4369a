package org.lvsd.ipvs.userspace;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** A test TCP server on a loopback address: each accepted socket is handed to {@code handler}. */
final class LoopbackServer implements AutoCloseable {
    interface Handler {
        void handle(Socket s) throws IOException;
    }

    private final ServerSocket socket;
    private final ExecutorService pool = Executors.newCachedThreadPool();

    LoopbackServer(String address, Handler handler) throws IOException {
        socket = new ServerSocket();
        socket.setReuseAddress(true);
        // a backlog for bursts of connections: a full accept queue drops handshakes
        socket.bind(new InetSocketAddress(InetAddress.getByName(address), 0), 1024);
        pool.submit(() -> {
            while (!socket.isClosed()) {
                Socket s;
                try {
                    s = socket.accept();
                } catch (IOException closed) {
                    return null;
                }
                pool.submit(() -> {
                    try (s) {
                        s.setSoTimeout(10_000);
                        handler.handle(s);
                    }
                    return null;
                });
            }
            return null;
        });
    }

    int port() {
        return socket.getLocalPort();
    }

    @Override
    public void close() throws Exception {
        socket.close();
        pool.shutdownNow();
        pool.awaitTermination(5, TimeUnit.SECONDS);
    }
}
