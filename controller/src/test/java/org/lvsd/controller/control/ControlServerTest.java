package org.lvsd.controller.control;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControlServerTest {

    @TempDir
    Path dir;

    private final FakeHandler handler = new FakeHandler();
    private ControlServer server;
    private Path socket;

    @BeforeEach
    void start() throws IOException {
        socket = dir.resolve("run/lvsd.sock");
        server = ControlServer.start(socket, handler);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** Sends raw bytes, closes the sending side, and returns the raw answer. */
    private String raw(String request) throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            try {
                ByteBuffer out = ByteBuffer.wrap(request.getBytes(StandardCharsets.UTF_8));
                while (out.hasRemaining()) {
                    c.write(out);
                }
                c.shutdownOutput();
            } catch (IOException busyServerClosedFirst) {
                // its answer is still readable below
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer in = ByteBuffer.allocate(4096);
            while (c.read(in) >= 0) {
                answer.write(in.array(), 0, in.position());
                in.clear();
            }
            return answer.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void listPrintsTheTableAsIpvsadm() throws IOException {
        assertEquals("""
                OK
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  198.51.100.100:80 wlc
                  -> 198.51.100.21:80             Route   3      4          9        \s
                """, raw("list\n"));
    }

    @Test
    void listStatsPrintsCounters() throws IOException {
        assertEquals("""
                OK
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port               Conns   InPkts  OutPkts  InBytes OutBytes
                  -> RemoteAddress:Port
                TCP  198.51.100.100:80                   0        0        0        0        0
                  -> 198.51.100.21:80                  100     2000        0   300000        0
                """, raw("list --stats\n"));
    }

    @Test
    void handlerErrorsBecomeErrAnswers() throws IOException {
        assertEquals("ERR connection listing needs the kernel driver\n", raw("list -c\n"));
    }

    @Test
    void statusText() throws IOException {
        assertEquals("""
                OK
                VRRP instances:
                  VI_1: MASTER, priority 150, VIPs 198.51.100.100
                    2026-11-21T08:00:00Z BACKUP -> MASTER (priority 150): no advert for 3.6 s
                Virtual servers:
                  TCP 198.51.100.100:80: quorum up, alive weight 3
                    198.51.100.21:80 up, weight 3: all checkers up
                    198.51.100.22:80 down, weight 0: connection refused
                Drained:
                  198.51.100.22:80 in TCP 198.51.100.100:80
                """, raw("status\n"));
    }

    @Test
    void statusJson() throws IOException {
        String answer = raw("status --json\n");
        assertTrue(answer.startsWith("OK\n"), answer);
        assertEquals(new ObjectMapper().readTree("""
                {"instances":[{"name":"VI_1","state":"MASTER","priority":150,"vips":["198.51.100.100"],
                  "transitions":[{"at":"2026-11-21T08:00:00Z","from":"BACKUP","to":"MASTER","priority":150,
                                  "reason":"no advert for 3.6 s"}]}],
                 "virtual_servers":[{"virtual_server":"TCP 198.51.100.100:80","quorum_up":true,
                   "sorry_server_active":false,"alive_weight":3,"real_servers":[
                     {"real_server":"198.51.100.21:80","up":true,"weight":3,"reason":"all checkers up"},
                     {"real_server":"198.51.100.22:80","up":false,"weight":0,"reason":"connection refused"}]}],
                 "drains":[{"virtual_server":"TCP 198.51.100.100:80","real_server":"198.51.100.22:80"}]}
                """), new ObjectMapper().readTree(answer.substring(3)));
    }

    @Test
    void drainAndEnableReachTheHandlerWithAVirtualServerContainingBlanks() throws IOException {
        assertEquals("OK\ndrained 198.51.100.22:80 in TCP 198.51.100.100:80\n",
                raw("drain TCP 198.51.100.100:80 198.51.100.22:80\n"));
        assertEquals("OK\nenabled [2001:db8::5]:443 in TCP 198.51.100.100:80\n",
                raw("enable TCP   198.51.100.100:80 [2001:db8::5]:443"));
        assertEquals("ERR no virtual server 'UDP 198.51.100.100:53'\n",
                raw("drain UDP 198.51.100.100:53 198.51.100.22:80\n"));
        assertEquals(List.of("drain TCP 198.51.100.100:80 / 198.51.100.22:80",
                "enable TCP 198.51.100.100:80 / [2001:db8::5]:443",
                "drain UDP 198.51.100.100:53 / 198.51.100.22:80"), handler.calls);
    }

    @Test
    void flushAndDiffReachTheHandler() throws IOException {
        assertEquals("OK\nflushed\n", raw("flush\n"));
        assertEquals("OK\nVRRP instance VI_1: unchanged\n", raw("diff /etc/lvsd/my lvsd.conf\n"));
        assertEquals(List.of("flush", "diff /etc/lvsd/my lvsd.conf"), handler.calls);
    }

    @Test
    void badRequestsAreAnsweredAndTheServerKeepsServing() throws IOException {
        assertEquals("ERR unknown command 'zero'; commands: list, status, drain, enable, reload, flush, diff\n",
                raw("zero\n"));
        assertEquals("ERR usage: flush\n", raw("flush all\n"));
        assertEquals("ERR usage: diff CONFIG_FILE\n", raw("diff\n"));
        assertEquals("ERR empty request; commands: list, status, drain, enable, reload, flush, diff\n", raw("\n"));
        assertEquals("ERR empty request; commands: list, status, drain, enable, reload, flush, diff\n", raw(""));
        assertEquals("ERR usage: list [--stats|--rate|-c]\n", raw("list --exact\n"));
        assertEquals("ERR usage: status [--json]\n", raw("status -j\n"));
        assertEquals("ERR usage: reload\n", raw("reload now\n"));
        assertEquals("ERR usage: drain VIRTUAL_SERVER REAL_SERVER (ip:port or [ipv6]:port)\n", raw("drain x\n"));
        assertEquals("ERR bad real server '198.51.100.22'; expected ip:port or [ipv6]:port\n",
                raw("drain TCP 198.51.100.100:80 198.51.100.22\n"));
        assertEquals("ERR bad real server 'web1:80'; expected ip:port or [ipv6]:port\n",
                raw("enable TCP 198.51.100.100:80 web1:80\n"));
        assertEquals("ERR bad real server '198.51.100.22:65536'; expected ip:port or [ipv6]:port\n",
                raw("enable TCP 198.51.100.100:80 198.51.100.22:65536\n"));
        assertEquals("ERR request longer than 1024 bytes\n", raw("status " + "x".repeat(2000) + "\n"));
        assertEquals("ERR request longer than 1024 bytes\n", raw("x".repeat(1025) + "\n"));
        assertEquals("ERR request longer than 1024 bytes\n", raw("x".repeat(1025)));
        assertEquals("ERR unknown command '" + "x".repeat(1024) + "'; commands: list, status, drain, enable, reload, flush, diff\n",
                raw("x".repeat(1024) + "\n"));
        assertEquals("OK\nreloaded /etc/lvsd/lvsd.conf\n", raw("reload\n"));
        assertEquals(List.of(), handler.calls);
    }

    @Test
    void clientsBeyondTheLimitAreToldBusy() throws Exception {
        handler.reloadGate = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(ControlServer.MAX_CLIENTS);
        try {
            List<Future<String>> running = new ArrayList<>();
            for (int i = 0; i < ControlServer.MAX_CLIENTS; i++) {
                running.add(pool.submit(() -> raw("reload\n")));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> raw("status\n").startsWith("ERR busy"));
            assertEquals("ERR busy: 4 requests running; try again\n", raw("status\n"));
            handler.reloadGate.countDown();
            for (Future<String> f : running) {
                assertEquals("OK\nreloaded /etc/lvsd/lvsd.conf\n", f.get());
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> raw("status\n").startsWith("OK\n"));
        } finally {
            handler.reloadGate.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void socketIsPrivateInAPrivateDirectoryAndRemovedOnClose() throws IOException {
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(socket.getParent())));
        try (var files = Files.list(socket.getParent())) {
            assertEquals(List.of(socket), files.toList());
        }
        server.close();
        assertFalse(Files.exists(socket));
    }

    @Test
    void aStaleSocketIsReplacedButALiveOneOrAFileIsNot() throws IOException {
        Path other = dir.resolve("other.sock");
        FileAlreadyExistsException live = assertThrows(FileAlreadyExistsException.class,
                () -> ControlServer.start(socket, handler));
        assertEquals(socket + ": another process (lvsd?) is listening on it", live.getMessage());

        try (var stale = java.nio.channels.ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            stale.bind(UnixDomainSocketAddress.of(other));
        }
        assertTrue(Files.exists(other));
        try (ControlServer second = ControlServer.start(other, handler)) {
            assertEquals(other, second.path());
            assertTrue(raw(other, "reload\n").startsWith("OK\n"));
        }

        Path file = dir.resolve("notasocket");
        Files.writeString(file, "keep me");
        FileAlreadyExistsException notSocket = assertThrows(FileAlreadyExistsException.class,
                () -> ControlServer.start(file, handler));
        assertEquals(file + ": exists and is not a socket; refusing to replace it", notSocket.getMessage());
        assertEquals("keep me", Files.readString(file));
    }

    private String raw(Path path, String request) throws IOException {
        Path saved = socket;
        socket = path;
        try {
            return raw(request);
        } finally {
            socket = saved;
        }
    }

    @Test
    void aSilentClientIsDisconnectedAfterTheReadTimeout() throws IOException {
        try (SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            c.connect(UnixDomainSocketAddress.of(socket));
            long start = System.nanoTime();
            assertEquals(-1, c.read(ByteBuffer.allocate(16)));
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertTrue(waited.compareTo(ControlServer.READ_TIMEOUT.minusMillis(500)) >= 0, waited.toString());
        }
        assertEquals("OK\nreloaded /etc/lvsd/lvsd.conf\n", raw("reload\n"));
    }
}
