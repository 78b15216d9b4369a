package org.lvsd.controller.systemd;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lvsd -n} as systemd's {@code Type=notify} runs it: a child process with
 * {@code NOTIFY_SOCKET} set says {@code READY=1} once serving and {@code STOPPING=1} at SIGTERM,
 * then exits 0. (A configuration with nothing to run needs neither root nor interfaces; its control
 * socket is in the test's directory and its metrics on a free loopback port.)
 */
class DaemonReadinessTest {

    @TempDir
    Path dir;

    @Test
    void daemonSaysReadyThenStoppingAndExitsCleanly() throws Exception {
        int port;
        try (java.net.ServerSocket free = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        Path conf = Files.writeString(dir.resolve("lvsd.conf"), "global_defs {\n    router_id t\n    control_socket "
                + dir.resolve("lvsd.sock") + "\n    metrics_listen 127.0.0.1:" + port + "\n}\n");
        String socket = dir.resolve("notify").toString();
        try (DatagramReceiver systemd = new DatagramReceiver(socket)) {
            ProcessBuilder pb = new ProcessBuilder(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    "org.lvsd.controller.cli.Lvsd", "-n", "-f", conf.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(new File(dir.resolve("lvsd.log").toString()));
            pb.environment().put("NOTIFY_SOCKET", socket);
            Process lvsd = pb.start();
            try {
                assertEquals("READY=1", next(systemd, Duration.ofSeconds(60)));
                lvsd.destroy(); // SIGTERM
                assertEquals("STOPPING=1", next(systemd, Duration.ofSeconds(30)));
                assertEquals(true, lvsd.waitFor(30, TimeUnit.SECONDS), Files.readString(dir.resolve("lvsd.log")));
                assertEquals(0, lvsd.exitValue(), Files.readString(dir.resolve("lvsd.log")));
            } finally {
                lvsd.destroyForcibly();
            }
        }
    }

    private static String next(DatagramReceiver r, Duration within) {
        return await().atMost(within).until(r::poll, Optional::isPresent).orElseThrow();
    }
}
