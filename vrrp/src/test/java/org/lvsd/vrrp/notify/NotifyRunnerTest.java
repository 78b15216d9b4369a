package org.lvsd.vrrp.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.vrrp.fsm.Transition;
import org.lvsd.vrrp.fsm.VrrpState;
import org.lvsd.vrrp.script.ProcessResult;
import org.lvsd.vrrp.script.ProcessRunner;

class NotifyRunnerTest {

    private static final NotifyScripts ALL = new NotifyScripts(List.of("/m", "x y"), List.of("/b"), List.of("/f"),
            List.of("/s", "--stop"), List.of("/n", "arg"), List.of("/lower"));

    @TempDir
    Path dir;

    private final List<List<String>> launched = new ArrayList<>();

    @Test
    void eachTransitionRunsItsStateScriptThenTheGenericNotifyWithFourArguments() throws Exception {
        ExecutorService queue = Executors.newSingleThreadExecutor();
        NotifyRunner runner = new NotifyRunner(NotifyState.Subject.INSTANCE, "VI_1", ALL, List.of(), false, queue,
                this::record);

        runner.notify(new Transition("VI_1", VrrpState.INIT, VrrpState.BACKUP, 100, "start"));
        runner.notify(new Transition("VI_1", VrrpState.BACKUP, VrrpState.MASTER, 100, "master down timer expired"));
        runner.notify(new Transition("VI_1", VrrpState.MASTER, VrrpState.FAULT, 100, "tracked interface eth1 down"));
        runner.notify(new Transition("VI_1", VrrpState.FAULT, VrrpState.INIT, 90, "stop"));
        drain(queue);

        assertEquals(List.of(
                List.of("/b"), List.of("/n", "arg", "INSTANCE", "VI_1", "BACKUP", "100"),
                List.of("/m", "x y"), List.of("/n", "arg", "INSTANCE", "VI_1", "MASTER", "100"),
                List.of("/f"), List.of("/n", "arg", "INSTANCE", "VI_1", "FAULT", "100"),
                List.of("/s", "--stop"), List.of("/n", "arg", "INSTANCE", "VI_1", "STOP", "90")), launched);
    }

    @Test
    void priorityChangesAreNotWrittenWithoutNotifyPriorityChanges() throws Exception {
        Path a = dir.resolve("fifo");
        try (NotifyFifo fa = new NotifyFifo(a)) {
            fa.write("creates the FIFO");
            try (RandomAccessFile ra = new RandomAccessFile(a.toFile(), "rw")) {
                ExecutorService queue = Executors.newSingleThreadExecutor();
                NotifyRunner runner = new NotifyRunner(NotifyState.Subject.INSTANCE, "VI_1", NotifyScripts.NONE,
                        List.of(fa), false, queue, this::record);
                runner.notify(new Transition("VI_1", VrrpState.INIT, VrrpState.BACKUP, 100, "start"));
                runner.priorityChanged(VrrpState.BACKUP, 100, 80);
                runner.notify(new Transition("VI_1", VrrpState.BACKUP, VrrpState.MASTER, 80, "x"));
                drain(queue);
                assertEquals("INSTANCE \"VI_1\" BACKUP 100\nINSTANCE \"VI_1\" MASTER 80\n", readAvailable(ra));
                assertEquals(List.of(), launched);
            }
        }
    }

    @Test
    void unconfiguredScriptsAreSkippedAndGroupsSayGroup() throws Exception {
        ExecutorService queue = Executors.newSingleThreadExecutor();
        NotifyScripts onlyGeneric = new NotifyScripts(List.of(), List.of(), List.of(), List.of(), List.of("/n"),
                List.of());
        NotifyRunner group = new NotifyRunner(NotifyState.Subject.GROUP, "G1", onlyGeneric, List.of(), false, queue,
                this::record);
        NotifyRunner none = new NotifyRunner(NotifyState.Subject.INSTANCE, "VI_2", NotifyScripts.NONE, List.of(),
                false, queue, this::record);

        group.notify(new Transition("G1", VrrpState.BACKUP, VrrpState.MASTER, 0, "group"));
        none.notify(new Transition("VI_2", VrrpState.BACKUP, VrrpState.MASTER, 100, "x"));
        drain(queue);

        assertEquals(List.of(List.of("/n", "GROUP", "G1", "MASTER", "0")), launched);
    }

    @Test
    void fifoLinesAreWrittenInEventOrderToEveryFifoWithPriorityEvents() throws Exception {
        Path a = dir.resolve("notify_fifo");
        Path b = dir.resolve("vrrp_notify_fifo");
        try (NotifyFifo fa = new NotifyFifo(a); NotifyFifo fb = new NotifyFifo(b)) {
            fa.write("creates the FIFO");
            fb.write("creates the FIFO");
            try (RandomAccessFile ra = new RandomAccessFile(a.toFile(), "rw");
                 RandomAccessFile rb = new RandomAccessFile(b.toFile(), "rw")) {
                ExecutorService queue = Executors.newSingleThreadExecutor();
                NotifyRunner runner = new NotifyRunner(NotifyState.Subject.INSTANCE, "VI_1", ALL,
                        List.of(fa, fb), true, queue, this::record);

                runner.notify(new Transition("VI_1", VrrpState.INIT, VrrpState.BACKUP, 100, "start"));
                runner.priorityChanged(VrrpState.BACKUP, 100, 110);
                runner.notify(new Transition("VI_1", VrrpState.BACKUP, VrrpState.MASTER, 110, "x"));
                runner.masterReceivedLowerPriority(InetAddress.getByName("198.51.100.3"), 50);
                runner.priorityChanged(VrrpState.MASTER, 110, 90);
                runner.priorityChanged(VrrpState.FAULT, 90, 80);
                runner.notify(new Transition("VI_1", VrrpState.MASTER, VrrpState.INIT, 80, "stop"));
                drain(queue);

                String expected = "INSTANCE \"VI_1\" BACKUP 100\n"
                        + "INSTANCE \"VI_1\" BACKUP_PRIORITY 110\n"
                        + "INSTANCE \"VI_1\" MASTER 110\n"
                        + "INSTANCE \"VI_1\" MASTER_RX_LOWER_PRI 110\n"
                        + "INSTANCE \"VI_1\" MASTER_PRIORITY 90\n"
                        + "INSTANCE \"VI_1\" STOP 80\n";
                assertEquals(expected, readAvailable(ra));
                assertEquals(expected, readAvailable(rb));
                assertEquals(List.of(
                        List.of("/b"), List.of("/n", "arg", "INSTANCE", "VI_1", "BACKUP", "100"),
                        List.of("/m", "x y"), List.of("/n", "arg", "INSTANCE", "VI_1", "MASTER", "110"),
                        List.of("/lower"),
                        List.of("/s", "--stop"), List.of("/n", "arg", "INSTANCE", "VI_1", "STOP", "80")), launched);
            }
        }
    }

    @Test
    void realScriptsRunInTransitionOrderAndASlowOneIsKilledAtTheTimeout() throws Exception {
        Path log = dir.resolve("log");
        Path notify = script("notify.sh", "echo \"$*\" >> " + log);
        Path slowMaster = script("master.sh", "sleep 10; echo never >> " + log);
        ExecutorService queue = Executors.newSingleThreadExecutor();
        NotifyRunner runner = new NotifyRunner(NotifyState.Subject.INSTANCE, "VI_1",
                new NotifyScripts(List.of(slowMaster.toString()), List.of(), List.of(), List.of(),
                        List.of(notify.toString()), List.of()),
                List.of(), false, queue, argv -> ProcessRunner.run(argv, Duration.ofMillis(300)));

        runner.notify(new Transition("VI_1", VrrpState.INIT, VrrpState.BACKUP, 100, "start"));
        runner.notify(new Transition("VI_1", VrrpState.BACKUP, VrrpState.MASTER, 100, "x"));
        runner.notify(new Transition("VI_1", VrrpState.MASTER, VrrpState.BACKUP, 100, "y"));
        drain(queue);

        assertEquals(List.of("INSTANCE VI_1 BACKUP 100", "INSTANCE VI_1 MASTER 100", "INSTANCE VI_1 BACKUP 100"),
                Files.readAllLines(log));
    }

    private ProcessResult record(List<String> argv) {
        synchronized (launched) {
            launched.add(argv);
        }
        return new ProcessResult(argv, ProcessResult.Outcome.EXITED, 0, Duration.ZERO, "");
    }

    private static void drain(ExecutorService queue) throws InterruptedException {
        queue.shutdown();
        assertTrue(queue.awaitTermination(10, TimeUnit.SECONDS));
    }

    private static String readAvailable(RandomAccessFile f) throws IOException {
        try (java.io.FileInputStream in = new java.io.FileInputStream(f.getFD())) {
            byte[] buf = new byte[in.available()];
            int n = in.read(buf);
            return new String(buf, 0, n, java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private Path script(String name, String body) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
        return p;
    }
}
