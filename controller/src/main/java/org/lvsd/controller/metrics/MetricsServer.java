package org.lvsd.controller.metrics;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.lvsd.conf.model.HostPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves {@link LvsdMetrics#scrape()} at {@code GET /metrics} (and {@code HEAD}); every other path
 * is 404, other methods 405. Requests run on two threads with a queue of 16; beyond that the
 * accepting thread serves the request itself, which slows accepting down instead of growing.
 */
public final class MetricsServer implements AutoCloseable {

    /** The Prometheus text format's content type. */
    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private static final Logger LOG = LoggerFactory.getLogger(MetricsServer.class);

    private final HttpServer server;
    private final ThreadPoolExecutor executor;

    private MetricsServer(HttpServer server, ThreadPoolExecutor executor) {
        this.server = server;
        this.executor = executor;
    }

    /** Binds {@code listen} (port 0 picks a free port) and starts serving. */
    public static MetricsServer start(HostPort listen, LvsdMetrics metrics) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(listen.host(), listen.port()), 16);
        AtomicInteger n = new AtomicInteger();
        ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(16), r -> {
                    Thread t = new Thread(r, "lvsd-metrics-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.CallerRunsPolicy());
        server.setExecutor(executor);
        server.createContext("/", exchange -> handle(exchange, metrics));
        server.start();
        LOG.info("metrics: serving http://{}/metrics", new HostPort(listen.host(), server.getAddress().getPort()));
        return new MetricsServer(server, executor);
    }

    /** The bound address (with the real port when 0 was asked). */
    public InetSocketAddress address() {
        return server.getAddress();
    }

    private static void handle(HttpExchange exchange, LvsdMetrics metrics) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!exchange.getRequestURI().getPath().equals("/metrics")) {
                reply(exchange, 404, "text/plain; charset=utf-8", "not found; metrics are at /metrics\n", method);
            } else if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.getResponseHeaders().set("Allow", "GET, HEAD");
                reply(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n", method);
            } else {
                reply(exchange, 200, CONTENT_TYPE, metrics.scrape(), method);
            }
        } catch (RuntimeException e) {
            LOG.warn("metrics: request failed", e);
        }
    }

    private static void reply(HttpExchange exchange, int status, String type, String body, String method)
            throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", type);
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /**
     * Stops accepting and stops the threads at once: on Java 17 {@code HttpServer.stop(delay)} waits
     * the whole delay even when no request runs, and a scrape cut short by a stop is harmless.
     */
    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
