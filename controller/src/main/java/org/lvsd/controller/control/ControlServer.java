package org.lvsd.controller.control;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control socket server (see the package documentation for the protocol). At most
 * {@value #MAX_CONNECTIONS} connections are served at once (more are closed unanswered) and at
 * most {@value #MAX_CLIENTS} requests run in the handler at once (more are answered
 * {@code ERR busy}). A client has {@link #READ_TIMEOUT} to send its line. Nothing a client sends
 * can stop the server: every failure is answered or logged.
 */
public final class ControlServer implements AutoCloseable {

    static final int MAX_CLIENTS = 4;
    static final int MAX_CONNECTIONS = 16;
    /** Bytes of an over-long request read and dropped before answering, so the answer arrives. */
    static final int DISCARD_LIMIT = 64 << 10;
    static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(ControlServer.class);

    private final ServerSocketChannel channel;
    private final SocketFile file;
    private final Dispatcher dispatcher;
    private final ThreadPoolExecutor workers;
    private final ScheduledExecutorService timer;
    private final Thread acceptor;
    private final Semaphore running = new Semaphore(MAX_CLIENTS);

    private ControlServer(ServerSocketChannel channel, SocketFile file, Dispatcher dispatcher) {
        this.channel = channel;
        this.file = file;
        this.dispatcher = dispatcher;
        AtomicInteger n = new AtomicInteger();
        this.workers = new ThreadPoolExecutor(0, MAX_CONNECTIONS, 30, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, "lvsd-control-" + n.incrementAndGet()));
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "lvsd-control-timer"));
        this.acceptor = daemon(this::acceptLoop, "lvsd-control-accept");
    }

    /** Binds {@code socket} (see {@link SocketFile}) and starts serving {@code handler}. */
    public static ControlServer start(Path socket, ControlHandler handler) throws IOException {
        ServerSocketChannel channel = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        SocketFile file;
        try {
            file = SocketFile.bind(channel, socket);
        } catch (IOException e) {
            channel.close();
            throw e;
        }
        ControlServer server = new ControlServer(channel, file, new Dispatcher(handler));
        server.acceptor.start();
        LOG.info("control: listening on {}", file.path());
        return server;
    }

    /** The socket's path. */
    public Path path() {
        return file.path();
    }

    private void acceptLoop() {
        while (channel.isOpen()) {
            SocketChannel client;
            try {
                client = channel.accept();
            } catch (AsynchronousCloseException e) {
                return;
            } catch (IOException e) {
                LOG.warn("control: accept failed: {}", e.toString());
                continue;
            }
            try {
                workers.execute(() -> serve(client));
            } catch (RejectedExecutionException full) {
                LOG.warn("control: {} connections open; closing a new one", MAX_CONNECTIONS);
                close(client);
            }
        }
    }

    private void serve(SocketChannel client) {
        ScheduledFuture<?> deadline = timer.schedule(() -> close(client), READ_TIMEOUT.toMillis(),
                TimeUnit.MILLISECONDS);
        String line;
        try {
            line = readLine(client);
        } catch (IOException e) {
            LOG.debug("control: client gone before its request: {}", e.toString());
            close(client);
            return;
        } finally {
            deadline.cancel(false);
        }
        if (line == null) {
            reply(client, Response.error("request longer than " + Request.MAX_LINE + " bytes"));
        } else if (!running.tryAcquire()) {
            reply(client, Response.error("busy: " + MAX_CLIENTS + " requests running; try again"));
        } else {
            try {
                reply(client, dispatcher.answer(line));
            } finally {
                running.release();
            }
        }
    }

    /** The request line, or null when it is too long (after dropping up to {@link #DISCARD_LIMIT} bytes). */
    private static String readLine(SocketChannel client) throws IOException {
        ByteBuffer buf = ByteBuffer.allocate(Request.MAX_LINE + 1);
        boolean overflowed = false;
        for (int total = 0; total < DISCARD_LIMIT; ) {
            int start = buf.position();
            int n = client.read(buf);
            if (n < 0) {
                break;
            }
            total += n;
            for (int i = start; i < buf.position(); i++) {
                if (buf.get(i) == '\n') {
                    return overflowed ? null : new String(buf.array(), 0, i, StandardCharsets.UTF_8);
                }
            }
            if (!buf.hasRemaining()) {
                overflowed = true;
                buf.clear();
            }
        }
        return overflowed ? null : new String(buf.array(), 0, buf.position(), StandardCharsets.UTF_8);
    }

    private static void reply(SocketChannel client, Response response) {
        try (client) {
            ByteBuffer out = ByteBuffer.wrap(response.encode());
            while (out.hasRemaining()) {
                client.write(out);
            }
        } catch (IOException e) {
            LOG.debug("control: client gone before the answer: {}", e.toString());
        }
    }

    private static void close(SocketChannel client) {
        try {
            client.close();
        } catch (IOException e) {
            LOG.debug("control: close failed: {}", e.toString());
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops accepting, removes the socket file, and stops the worker threads. */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            LOG.warn("control: close failed: {}", e.toString());
        }
        file.delete();
        workers.shutdownNow();
        timer.shutdownNow();
        try {
            acceptor.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
