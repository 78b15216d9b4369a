package org.lvsd.healthcheck.genhash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.check.CheckLimits;
import org.lvsd.healthcheck.check.CheckTransport;
import org.lvsd.healthcheck.check.HttpChecker;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.HttpCheckSpec;
import org.lvsd.healthcheck.spec.HttpCheckSpec.HttpProtocol;
import org.lvsd.healthcheck.spec.StatusCodes;
import org.lvsd.healthcheck.spec.UrlSpec;

class GenhashTest {

    private static final String BODY = "<html>lvsd</html>\n";
    private ServerSocket server;
    private Thread thread;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> {
            for (int i = 0; i < 20 && !server.isClosed(); i++) {
                try (Socket s = server.accept()) {
                    requests.add(readHead(s.getInputStream()));
                    s.getOutputStream().write(("HTTP/1.0 200 OK\r\nContent-Length: "
                            + BODY.length() + "\r\n\r\n" + BODY)
                            .getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    return;
                }
            }
        }, "genhash-test-server");
        thread.setDaemon(true);
        thread.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        server.close();
        thread.join(5000);
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder b = new StringBuilder();
        while (b.length() < 8192 && !b.toString().endsWith("\r\n\r\n")) {
            int c = in.read();
            if (c < 0) {
                break;
            }
            b.append((char) c);
        }
        return b.toString();
    }

    private int port() {
        return server.getLocalPort();
    }

    private static String md5(String s) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5")
                .digest(s.getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void fetchReturnsTheMd5OfTheBodyUsingTheCheckersRequest() throws Exception {
        GenhashResult r = Genhash.fetch(GenhashRequest.of(
                URI.create("http://127.0.0.1:" + port() + "/index.html?x=1"),
                Optional.of("www.test")));
        assertEquals(new GenhashResult(200, md5(BODY), BODY.length()), r);
        assertEquals(List.of("GET /index.html?x=1 HTTP/1.0\r\nUser-Agent: KeepAliveClient\r\n"
                + "Host: www.test:" + port() + "\r\n\r\n"), requests);
    }

    @Test
    void commandPrintsTheDigestWithKeepalivedOptions() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GenhashCommand.run(List.of("-s", "127.0.0.1", "-p", Integer.toString(port()),
                "-u", "/", "-v"), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        assertEquals("HTTP status 200, body 18 bytes\nMD5SUM = " + md5(BODY) + "\n",
                out.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void theDigestGenhashPrintsIsTheOneHttpGetAccepts() throws Exception {
        String digest = Genhash.fetch(GenhashRequest.of(
                URI.create("http://127.0.0.1:" + port() + "/"), Optional.empty())).md5Hex();
        try (CheckTransport t = CheckTransport.create(1, CheckLimits.defaults())) {
            HttpCheckSpec spec = new HttpCheckSpec(new CheckTiming(Duration.ofSeconds(5),
                    Duration.ofSeconds(2), 1, Duration.ofSeconds(1), Duration.ZERO, false, 0, 0),
                    ConnectOptions.none(), HttpProtocol.HTTP_1_0, Optional.empty(),
                    List.of(new UrlSpec("/", StatusCodes.defaults(), Optional.of(digest),
                            Optional.empty())), Optional.empty());
            CheckResult r = new HttpChecker(t, spec, new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), port())).check().toCompletableFuture()
                    .get(5, TimeUnit.SECONDS);
            assertEquals("HTTP status 200, digest ok", r.reason());
        }
    }

    @Test
    void refusedConnectionExitsWithOne() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = GenhashCommand.run(List.of("http://127.0.0.1:" + closed + "/"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(1, code);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("refused"),
                err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertEquals(2, GenhashCommand.run(List.of("-s", "127.0.0.1"),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertThrows(IllegalArgumentException.class,
                () -> GenhashCommand.parse(List.of("ftp://127.0.0.1/")));
        assertEquals(URI.create("https://[::1]:8443/x"), GenhashCommand.parse(
                List.of("-S", "-s", "::1", "-p", "8443", "-u", "/x")).url());
    }
}
