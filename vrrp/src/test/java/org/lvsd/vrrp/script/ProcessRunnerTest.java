package org.lvsd.vrrp.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessRunnerTest {

    @TempDir
    Path dir;

    @Test
    void exitStatusIsReportedAndArgumentsArePassedWithoutAShell() throws Exception {
        Path out = dir.resolve("args");
        Path s = Scripts.write(dir, "args.sh", "printf '%s|' \"$@\" > " + out + "; exit 3");

        ProcessResult r = ProcessRunner.run(List.of(s.toString(), "a b", "$HOME", "*"), Duration.ofSeconds(5));

        assertEquals(ProcessResult.Outcome.EXITED, r.outcome());
        assertEquals(3, r.exitCode());
        assertFalse(r.success());
        assertEquals("a b|$HOME|*|", Files.readString(out));
        assertEquals("exit 3", r.describe());
    }

    @Test
    void zeroExitIsSuccess() throws Exception {
        ProcessResult r = ProcessRunner.run(List.of(Scripts.write(dir, "ok.sh", "exit 0").toString()),
                Duration.ofSeconds(5));
        assertTrue(r.success());
    }

    @Test
    void missingCommandDoesNotStart() {
        ProcessResult r = ProcessRunner.run(List.of(dir.resolve("absent").toString()), Duration.ofSeconds(5));
        assertEquals(ProcessResult.Outcome.NOT_STARTED, r.outcome());
        assertEquals(-1, r.exitCode());
        assertFalse(r.success());
    }

    @Test
    void timeoutKillsTheWholeProcessTree() throws Exception {
        Path pidFile = dir.resolve("child.pid");
        Path s = Scripts.write(dir, "hang.sh", "sleep 30 &\necho $! > " + pidFile + "\nwait");

        ProcessResult r = ProcessRunner.run(List.of(s.toString()), Duration.ofMillis(300));

        assertEquals(ProcessResult.Outcome.TIMED_OUT, r.outcome());
        assertFalse(r.success());
        assertTrue(r.elapsed().compareTo(Duration.ofMillis(300)) >= 0, r.elapsed().toString());
        long child = Long.parseLong(Files.readString(pidFile).trim());
        assertTrue(deadOrZombie(child), "grandchild sleep " + child + " still running");
    }

    /** Killed processes whose parent died wait for init to reap them: gone or zombie both count. */
    private static boolean deadOrZombie(long pid) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
        while (System.nanoTime() < deadline) {
            Path stat = Path.of("/proc", Long.toString(pid), "stat");
            if (!Files.exists(stat)) {
                return true;
            }
            String s = Files.readString(stat);
            char state = s.charAt(s.lastIndexOf(')') + 2);
            if (state == 'Z' || state == 'X') {
                return true;
            }
            Thread.onSpinWait();
        }
        return false;
    }
}
