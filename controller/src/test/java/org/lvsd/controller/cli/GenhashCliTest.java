package org.lvsd.controller.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

/** {@code lvsd genhash} prints the digest HTTP_GET's {@code digest} keyword expects. */
class GenhashCliTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Lvsd lvsd = new Lvsd(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    private HttpServer server;

    @BeforeEach
    void serve() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/health", exchange -> {
            byte[] body = "ok\n".getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void printsTheMd5OfTheBody() {
        int port = server.getAddress().getPort();
        assertEquals(0, lvsd.run("genhash", "-s", "127.0.0.1", "-p", String.valueOf(port), "-u", "/health"));
        // printf 'ok\n' | md5sum
        assertEquals("MD5SUM = eff5bc1ef8ec9d03e640fc4370f5eacd\n", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void missingServerIsAUsageError() {
        assertEquals(2, lvsd.run("genhash", "-p", "80"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: genhash"), err.toString(StandardCharsets.UTF_8));
    }
}
