package org.lvsd.controller.lvs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.mapping.ConfigMapper;
import org.lvsd.controller.mapping.MappedConfig;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.format.IpvsadmListing;
import org.lvsd.ipvs.format.ListOptions;
import org.lvsd.ipvs.table.InMemoryIpvsDriver;

/**
 * The daemon's LVS stack built from a configuration, with real TCP_CHECKs on loopback (one real
 * server listening, one port closed) against the in-memory IPVS table: the table follows the
 * checks, and close applies the configured stop policy.
 */
class LvsStackTest {

    private static final Duration BOUND = Duration.ofSeconds(15);
    private static final String HEAD = """
            IP Virtual Server version 1.2.1 (size=4096)
            Prot LocalAddress:Port Scheduler Flags
              -> RemoteAddress:Port           Forward Weight ActiveConn InActConn
            """;
    private static final String FOREIGN = "TCP  127.0.0.2:25 wlc\n";

    @TempDir
    Path dir;

    private final InMemoryIpvsDriver driver = new InMemoryIpvsDriver(Clock.systemUTC());

    private KeepalivedConfig load(String globalDefs, int up, int closed) throws Exception {
        Path file = dir.resolve("lvsd.conf");
        Files.writeString(file, """
                global_defs {
                %s
                }
                virtual_server 127.0.0.1 8080 {
                    delay_loop 1
                    lvs_sched rr
                    lvs_method NAT
                    protocol TCP
                    real_server 127.0.0.1 %d {
                        TCP_CHECK { connect_timeout 1 }
                    }
                    real_server 127.0.0.1 %d {
                        TCP_CHECK { connect_timeout 1 }
                    }
                }
                """.formatted(globalDefs, up, closed));
        var loaded = ConfigLoader.load(file, new ParseOptions("dir1", Map.of()));
        assertEquals(false, loaded.hasErrors(), loaded.diagnostics().toString());
        return loaded.config().orElseThrow();
    }

    private String table() {
        return IpvsadmListing.list(driver.info(), driver.list(), ListOptions.DEFAULT);
    }

    private static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress("127.0.0.1", 0));
            return s.getLocalPort();
        }
    }

    private static String line(int port, int weight) {
        return String.format("  -> %-28s Masq    %-6d 0          0         %n", "127.0.0.1:" + port, weight)
                .replace(System.lineSeparator(), "\n");
    }

    private void addForeign() throws Exception {
        driver.addService(VirtualService.of(ServiceKey.tcp(InetAddress.getByName("127.0.0.2"), 25), "wlc"));
    }

    private void awaitTable(String expected) {
        try {
            Awaitility.await("IPVS table").atMost(BOUND).pollInterval(Duration.ofMillis(50))
                    .until(() -> table().equals(expected));
        } catch (org.awaitility.core.ConditionTimeoutException e) {
            assertEquals(expected, table());
        }
    }

    @Test
    void checksDriveTheTableAndStopRemovesOnlyOwnServices() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            int up = server.getLocalPort();
            int closed = closedPort();
            KeepalivedConfig config = load("    router_id t", up, closed);
            MappedConfig mapped = ConfigMapper.map(config);
            assertEquals(java.util.List.of(), mapped.diagnostics());
            addForeign();
            LvsStack stack = LvsStack.create(config.global(), driver, false, events -> { });
            try {
                stack.apply(mapped);
                String service = "TCP  127.0.0.1:8080 rr\n";
                awaitTable(HEAD + service + line(up, 1) + FOREIGN);
            } finally {
                stack.close();
            }
            assertEquals(HEAD + FOREIGN, table());
        }
    }

    @Test
    void lvsFlushClearsForeignServicesAndFlushOnStopEmptiesTheTable() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            int up = server.getLocalPort();
            int closed = closedPort();
            KeepalivedConfig config = load("    lvs_flush\n    lvs_flush_on_stop", up, closed);
            addForeign();
            LvsStack stack = LvsStack.create(config.global(), driver, false, events -> { });
            try {
                stack.apply(ConfigMapper.map(config));
                awaitTable(HEAD + "TCP  127.0.0.1:8080 rr\n" + line(up, 1));
            } finally {
                stack.close();
            }
            assertEquals(HEAD, table());
        }
    }

    @Test
    void dontReleaseLeavesTheTable() throws Exception {
        try (ServerSocket server = new ServerSocket()) {
            server.bind(new InetSocketAddress("127.0.0.1", 0));
            int up = server.getLocalPort();
            int closed = closedPort();
            KeepalivedConfig config = load("    lvs_flush_on_stop", up, closed);
            LvsStack stack = LvsStack.create(config.global(), driver, true, events -> { });
            String expected = HEAD + "TCP  127.0.0.1:8080 rr\n" + line(up, 1);
            try {
                stack.apply(ConfigMapper.map(config));
                awaitTable(expected);
            } finally {
                stack.close();
            }
            assertEquals(expected, table());
        }
    }
}
