package org.lvsd.vrrp.script;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.vrrp.time.ManualScheduler;

class ScriptRunnerTest {

    @TempDir
    Path dir;

    private final ManualScheduler clock = new ManualScheduler();
    private final List<String> results = new ArrayList<>();

    @Test
    void runsAtOnceAndEveryIntervalReportingExitStatus() throws Exception {
        Path flag = dir.resolve("ok");
        Path s = Scripts.write(dir, "chk.sh", "test -e " + flag);
        ScriptRunner runner = new ScriptRunner(clock, new InlineExecutor(), this::record);

        runner.start(ScriptSpec.of("chk", List.of(s.toString()), Duration.ofSeconds(2)));
        assertEquals(List.of(), results);
        clock.advance(Duration.ZERO);
        assertEquals(List.of("chk false exit 1"), results);

        java.nio.file.Files.createFile(flag);
        clock.advance(Duration.ofMillis(1999));
        assertEquals(1, results.size());
        clock.advance(Duration.ofMillis(1));
        assertEquals(List.of("chk false exit 1", "chk true exit 0"), results);

        runner.close();
        clock.advance(Duration.ofSeconds(10));
        assertEquals(2, results.size());
        assertEquals(0, clock.pending());
    }

    @Test
    void scriptOverItsTimeoutFails() throws Exception {
        Path s = Scripts.write(dir, "slow.sh", "sleep 5");
        ScriptRunner runner = new ScriptRunner(clock, new InlineExecutor(), this::record);
        runner.start(new ScriptSpec("slow", List.of(s.toString()), Duration.ofSeconds(1), Duration.ofMillis(200)));
        clock.advance(Duration.ZERO);
        assertEquals(List.of("slow false timed out"), results);
        runner.close();
    }

    @Test
    void intervalIsSkippedWhileThePreviousRunIsGoing() throws Exception {
        HeldExecutor held = new HeldExecutor();
        ScriptRunner runner = new ScriptRunner(clock, held, this::record);
        runner.start(ScriptSpec.of("chk", List.of(Scripts.write(dir, "ok.sh", "exit 0").toString()),
                Duration.ofSeconds(1)));

        clock.advance(Duration.ZERO);
        clock.advance(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, held.tasks.size());

        held.runAll();
        assertEquals(List.of("chk true exit 0"), results);
        clock.advance(Duration.ofSeconds(1));
        assertEquals(1, held.tasks.size());
        runner.close();
    }

    @Test
    void aScriptCannotBeStartedTwice() throws Exception {
        ScriptRunner runner = new ScriptRunner(clock, new InlineExecutor(), this::record);
        ScriptSpec spec = ScriptSpec.of("chk", List.of("/bin/true"), Duration.ofSeconds(1));
        runner.start(spec);
        assertThrows(IllegalArgumentException.class, () -> runner.start(spec));
        runner.close();
    }

    @Test
    void createdRunnerDeliversResultsFromItsWorkerThreads() throws Exception {
        java.util.concurrent.BlockingQueue<ScriptResult> got = new java.util.concurrent.LinkedBlockingQueue<>();
        try (ScriptRunner runner = ScriptRunner.create(2, got::add)) {
            runner.start(ScriptSpec.of("ok", List.of(Scripts.write(dir, "ok.sh", "exit 0").toString()),
                    Duration.ofSeconds(30)));
            runner.start(ScriptSpec.of("ko", List.of(Scripts.write(dir, "ko.sh", "exit 2").toString()),
                    Duration.ofSeconds(30)));
            ScriptResult a = got.poll(10, TimeUnit.SECONDS);
            ScriptResult b = got.poll(10, TimeUnit.SECONDS);
            assertEquals(List.of("ko false exit 2", "ok true exit 0"), java.util.stream.Stream.of(a, b)
                    .map(r -> r.name() + " " + r.success() + " " + r.run().describe()).sorted().toList());
        }
    }

    private void record(ScriptResult r) {
        String how = r.run().outcome() == ProcessResult.Outcome.TIMED_OUT ? "timed out" : r.run().describe();
        results.add(r.name() + " " + r.success() + " " + how);
    }

    /** Runs each task on the submitting thread. */
    private static class InlineExecutor extends AbstractExecutorService {
        private boolean shutdown;

        @Override
        public void execute(Runnable command) {
            command.run();
        }

        @Override
        public void shutdown() {
            shutdown = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shutdown = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shutdown;
        }

        @Override
        public boolean isTerminated() {
            return shutdown;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return shutdown;
        }
    }

    /** Keeps tasks until {@link #runAll()}: a worker still busy with the previous run. */
    private static final class HeldExecutor extends InlineExecutor {
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void execute(Runnable command) {
            tasks.add(command);
        }

        void runAll() {
            List<Runnable> now = List.copyOf(tasks);
            tasks.clear();
            now.forEach(Runnable::run);
        }
    }
}
