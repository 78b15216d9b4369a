package org.lvsd.controller.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.controller.control.ControlServer;
import org.lvsd.controller.control.FakeHandler;

class LvsCtlTest {

    @TempDir
    Path dir;

    private final FakeHandler handler = new FakeHandler();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private ControlServer server;
    private Path socket;

    @BeforeEach
    void start() throws IOException {
        socket = dir.resolve("lvsd.sock");
        server = ControlServer.start(socket, handler);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private int run(String... args) {
        return new LvsCtl(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void listsTheTableLikeIpvsadm() {
        assertEquals(0, run("-s", socket.toString(), "-Ln"));
        assertEquals("""
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port Scheduler Flags
                  -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
                TCP  198.51.100.100:80 wlc
                  -> 198.51.100.21:80             Route   3      4          9        \s
                """, out());
        assertEquals("", err());
    }

    @Test
    void rateListing() {
        assertEquals(0, run("--socket=" + socket, "-Ln", "--rate"));
        assertEquals("""
                IP Virtual Server version 1.2.1 (size=4096)
                Prot LocalAddress:Port                 CPS    InPPS   OutPPS    InBPS   OutBPS
                  -> RemoteAddress:Port
                TCP  198.51.100.100:80                   0        0        0        0        0
                  -> 198.51.100.21:80                    0        0        0        0        0
                """, out());
    }

    @Test
    void drainTakesTheVirtualServerAsOneArgument() {
        assertEquals(0, run("--socket", socket.toString(), "drain", "TCP 198.51.100.100:80", "198.51.100.22:80"));
        assertEquals("drained 198.51.100.22:80 in TCP 198.51.100.100:80\n", out());
        assertEquals(0, run("-s", socket.toString(), "enable", "TCP", "198.51.100.100:80", "198.51.100.22:80"));
        assertEquals(List.of("drain TCP 198.51.100.100:80 / 198.51.100.22:80",
                "enable TCP 198.51.100.100:80 / 198.51.100.22:80"), handler.calls);
    }

    @Test
    void statusText() {
        assertEquals(0, run("-s", socket.toString(), "status"));
        assertEquals("""
                VRRP instances:
                  VI_1: MASTER, priority 150, VIPs 198.51.100.100
                    2026-11-21T08:00:00Z BACKUP -> MASTER (priority 150): no advert for 3.6 s
                Virtual servers:
                  TCP 198.51.100.100:80: quorum up, alive weight 3
                    198.51.100.21:80 up, weight 3: all checkers up
                    198.51.100.22:80 down, weight 0: connection refused
                Drained:
                  198.51.100.22:80 in TCP 198.51.100.100:80
                """, out());
    }

    @Test
    void daemonErrorsExitOne() {
        handler.reloadError = "line 12: unknown keyword 'lb_algoo'";
        assertEquals(1, run("-s", socket.toString(), "reload"));
        assertEquals("", out());
        assertEquals("lvsctl: line 12: unknown keyword 'lb_algoo'\n", err());
    }

    @Test
    void noDaemonExitsThreeNamingTheSocket() {
        Path missing = dir.resolve("missing.sock");
        assertEquals(3, run("-s", missing.toString(), "status"));
        assertEquals("lvsctl: cannot connect to " + missing
                + ": No such file or directory (is lvsd running? use -s PATH for another socket)\n", err());
    }

    @Test
    void usageErrorsExitTwoWithoutConnecting() {
        assertEquals(2, run("-s", socket.toString()));
        assertEquals("lvsctl: no command\n" + LvsCtl.USAGE, err());
        err.reset();
        assertEquals(2, run("-s", socket.toString(), "-Ln", "--exact"));
        assertEquals("lvsctl: -Ln takes at most one of --stats, --rate, -c\n" + LvsCtl.USAGE, err());
        err.reset();
        assertEquals(2, run("-s", socket.toString(), "drain", "198.51.100.22:80"));
        assertEquals("lvsctl: usage: drain VIRTUAL_SERVER REAL_SERVER (ip:port or [ipv6]:port)\n" + LvsCtl.USAGE,
                err());
        err.reset();
        assertEquals(2, run("-x"));
        assertEquals("lvsctl: unknown option -x\n" + LvsCtl.USAGE, err());
        err.reset();
        assertEquals(2, run("-s"));
        assertEquals("lvsctl: -s needs a PATH\n" + LvsCtl.USAGE, err());
        assertEquals(List.of(), handler.calls);
        assertEquals("", out());
    }

    @Test
    void helpGoesToStdout() {
        assertEquals(0, run("--help"));
        assertEquals(LvsCtl.USAGE, out());
    }

    @Test
    void flushReachesTheDaemon() {
        assertEquals(0, run("-s", socket.toString(), "flush"));
        assertEquals("flushed\n", out());
        assertEquals(List.of("flush"), handler.calls);
    }
}
