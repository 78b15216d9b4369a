package org.lvsd.controller.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code lvsd} as a user runs it: exit codes and exactly what it prints. */
class LvsdTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final Lvsd lvsd = new Lvsd(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validConfigurationPassesSilently() {
        assertEquals(0, lvsd.run("-t", "-f", "../conf/examples/lvs-dr.conf"));
        assertEquals("", out());
        assertEquals("", err());
    }

    @Test
    void invalidConfigurationListsEveryProblemWithFileAndLine() throws IOException {
        Path conf = dir.resolve("lvsd.conf");
        Files.writeString(conf, String.join("\n",
                "vrrp_instance VI_1 {",
                "    interface eth0",
                "    virtual_router_id 300",
                "    frobnicate yes",
                "    virtual_ipaddress { 198.51.100.100/24 }",
                "}",
                ""));
        assertEquals(1, lvsd.run("-t", "-f", conf.toString()));
        assertEquals(String.join("\n",
                conf + ":3: virtual_router_id 300 out of range 1..255",
                conf + ":4: warning: unknown keyword 'frobnicate' ignored",
                conf + ": 1 error",
                ""), err());
    }

    @Test
    void missingBraceNamesTheLineOfTheBlockItOpened() throws IOException {
        Path conf = dir.resolve("lvsd.conf");
        Files.writeString(conf, "global_defs {\n  router_id a\n}\nvrrp_instance VI_1 {\n  interface eth0\n");
        assertEquals(1, lvsd.run("--config-test", "--use-file=" + conf));
        assertTrue(err().startsWith(conf + ":4: '{' opened here for 'vrrp_instance' is never closed\n"), err());
    }

    @Test
    void unreadableFileIsAnErrorNotAStackTrace() {
        assertEquals(1, lvsd.run("-t", "-f", dir.resolve("absent.conf").toString()));
        assertEquals(dir.resolve("absent.conf") + ": cannot read: no such file\n"
                + dir.resolve("absent.conf") + ": 1 error\n", err());
    }

    @Test
    void dumpConfigPrintsTheModelAsJson() throws IOException {
        assertEquals(0, lvsd.run("--dump-config", "-i", "dir1", "-f", "../conf/examples/lvs-dr.conf"));
        // The golden file was recorded from conf/, where the example's path is examples/...
        String golden = Files.readString(Path.of("../conf/src/test/resources/examples/lvs-dr.json"));
        assertEquals(golden, out().replace("\"../conf/examples/", "\"examples/"));
    }

    @Test
    void configIdSelectsConditionalLines() {
        assertEquals(0, lvsd.run("--dump-config", "-i", "dir2", "-f", "../conf/examples/lvs-dr.conf"));
        assertTrue(out().contains("\"priority\" : 100,"), out());
        assertTrue(out().contains("\"routerId\" : \"dir2\","), out());
    }

    @Test
    void badOptionPrintsUsageAndExitsTwo() {
        assertEquals(2, lvsd.run("--frobnicate"));
        assertTrue(err().startsWith("lvsd: unknown option '--frobnicate'\nUsage: lvsd [OPTION]...\n"), err());
    }

    @Test
    void versionComesFromTheBuild() {
        assertEquals(0, lvsd.run("--version"));
        assertTrue(out().matches("lvsd \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), out());
    }

    @Test
    void diffAsksTheDaemonOnTheFilesControlSocket() throws IOException {
        Path socket = dir.resolve("lvsd.sock");
        Path conf = dir.resolve("lvsd.conf");
        Files.writeString(conf, "global_defs {\n    control_socket " + socket + "\n}\n");
        org.lvsd.controller.control.FakeHandler handler = new org.lvsd.controller.control.FakeHandler();
        try (org.lvsd.controller.control.ControlServer server =
                     org.lvsd.controller.control.ControlServer.start(socket, handler)) {
            assertEquals(0, lvsd.run("-t", "--diff", "-f", conf.toString()));
        }
        assertEquals("VRRP instance VI_1: unchanged\n", out());
        assertEquals(java.util.List.of("diff " + conf.toAbsolutePath()), handler.calls);
    }

    @Test
    void diffWithoutARunningDaemonSaysSoAndExitsThree() throws IOException {
        Path socket = dir.resolve("none.sock");
        Path conf = dir.resolve("lvsd.conf");
        Files.writeString(conf, "global_defs {\n    control_socket " + socket + "\n}\n");
        assertEquals(3, lvsd.run("-t", "--diff", "-f", conf.toString()));
        assertTrue(err().startsWith("lvsd: --diff: no running lvsd answers on " + socket + " (control_socket of " + conf
                + "): "), err());
    }

    @Test
    void diffOfABrokenFileListsItsErrorsAndExitsOne() throws IOException {
        Path conf = dir.resolve("lvsd.conf");
        Files.writeString(conf, "vrrp_instance VI_1 {\n  interface eth0\n");
        assertEquals(1, lvsd.run("-t", "--diff", "-f", conf.toString()));
        assertEquals(conf + ":1: '{' opened here for 'vrrp_instance' is never closed\n"
                + conf + ":1: (VI_1) missing virtual_router_id\n"
                + conf + ":1: warning: (VI_1) no virtual_ipaddress given (use no_virtual_ipaddress if intended)\n"
                + conf + ": 2 errors\n", err());
    }
}
