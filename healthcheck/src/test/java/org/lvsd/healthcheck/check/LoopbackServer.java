package org.lvsd.healthcheck.check;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import javax.net.ServerSocketFactory;

/** A blocking test server on 127.0.0.1 with an ephemeral port; one thread per connection. */
final class LoopbackServer implements AutoCloseable {

    /** What the server does with one accepted connection. */
    interface Behaviour {
        void serve(Socket s) throws IOException, InterruptedException;
    }

    private final ServerSocket server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "loopback-server");
        t.setDaemon(true);
        return t;
    });
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    final List<String> requests = new CopyOnWriteArrayList<>();

    private LoopbackServer(ServerSocketFactory factory, Behaviour behaviour) throws IOException {
        server = factory.createServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        threads.execute(() -> {
            while (!server.isClosed()) {
                try {
                    Socket s = server.accept();
                    accepted.add(s);
                    threads.execute(() -> {
                        try (s) {
                            behaviour.serve(s);
                        } catch (IOException | InterruptedException e) {
                            // the client went away or the server closes: both are expected
                        }
                    });
                } catch (IOException e) {
                    return;
                }
            }
        });
    }

    static LoopbackServer start(Behaviour behaviour) throws IOException {
        return new LoopbackServer(ServerSocketFactory.getDefault(), behaviour);
    }

    static LoopbackServer start(ServerSocketFactory factory, Behaviour behaviour)
            throws IOException {
        return new LoopbackServer(factory, behaviour);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Reads an HTTP request head (at most 8 KiB) and records it. */
    String readHead(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (head.size() < 8192) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
            String text = head.toString(StandardCharsets.US_ASCII);
            if (text.endsWith("\r\n\r\n")) {
                break;
            }
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        requests.add(text);
        return text;
    }

    static void write(Socket s, String text) throws IOException {
        s.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
        s.getOutputStream().flush();
    }

    /** Writes {@code text} one byte at a time, pausing {@code pauseMillis} after each. */
    static void writeSlowly(Socket s, String text, long pauseMillis)
            throws IOException, InterruptedException {
        OutputStream out = s.getOutputStream();
        for (byte b : text.getBytes(StandardCharsets.US_ASCII)) {
            out.write(b);
            out.flush();
            Thread.sleep(pauseMillis);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
        threads.shutdownNow();
        if (!threads.awaitTermination(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("server threads did not stop");
        }
    }
}
