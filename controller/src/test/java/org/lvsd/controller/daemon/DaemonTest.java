package org.lvsd.controller.daemon;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.conf.syntax.ParseOptions;

class DaemonTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String conf) throws Exception {
        Path file = dir.resolve("lvsd.conf");
        Files.writeString(file, conf);
        return new Daemon(new PrintStream(err, true, StandardCharsets.UTF_8)).run(file, ParseOptions.defaults());
    }

    @Test
    void missingInterfaceIsOneLineNamingInstanceInterfaceAndPlace() throws Exception {
        int status = run("""
                vrrp_instance VI_1 {
                    interface nosuch0
                    virtual_router_id 51
                    mcast_src_ip 198.51.100.2
                    virtual_ipaddress {
                        198.51.100.100/24
                    }
                }
                """);
        assertEquals(1, status);
        assertEquals("lvsd: VI_1 (interface nosuch0, " + dir.resolve("lvsd.conf") + ":1): "
                + "no Ethernet interface nosuch0\n", err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void configurationErrorsStopBeforeAnythingRuns() throws Exception {
        int status = run("""
                vrrp_instance VI_1 {
                    interface eth0
                    virtual_router_id 300
                }
                """);
        assertEquals(1, status);
        String[] lines = err.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals("lvsd: " + dir.resolve("lvsd.conf") + ": configuration errors, not starting",
                lines[lines.length - 1]);
    }

    @Test
    void virtualServerMappingErrorsStopTheStartWithFileAndLine() throws Exception {
        String conf = """
                virtual_server group NOPE {
                    lvs_sched rr
                    lvs_method NAT
                    protocol TCP
                    real_server 198.51.100.21 80 {
                    }
                }
                """;
        int status = org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(10),
                () -> run(conf));
        assertEquals(1, status);
        Path file = dir.resolve("lvsd.conf");
        assertEquals(file + ":1: virtual_server group 'NOPE' is not defined\n"
                + "lvsd: " + file + ": configuration errors, not starting\n", err.toString(StandardCharsets.UTF_8));
    }
}
