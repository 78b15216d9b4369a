package org.lvsd.packaging;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs an external program to completion (bounded in time) and keeps its output. */
final class Command {

    /** What a finished program left behind. */
    record Result(int exitCode, String out, String err) {
        String describe() {
            return "exit " + exitCode + "\nstdout:\n" + out + "stderr:\n" + err;
        }
    }

    private static final long TIMEOUT_SECONDS = 120;

    private Command() {
    }

    static Result run(String... argv) {
        return run(Map.of(), List.of(argv));
    }

    static Result run(Map<String, String> env, List<String> argv) {
        try {
            Path out = Files.createTempFile("lvsd-cmd", ".out");
            Path err = Files.createTempFile("lvsd-cmd", ".err");
            try {
                ProcessBuilder pb = new ProcessBuilder(argv)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
                pb.environment().putAll(env);
                Process p = pb.start();
                if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                    p.destroyForcibly().waitFor();
                    throw new AssertionError(argv + " ran longer than " + TIMEOUT_SECONDS + " s");
                }
                return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                        Files.readString(err, StandardCharsets.UTF_8));
            } finally {
                Files.deleteIfExists(out);
                Files.deleteIfExists(err);
            }
        } catch (IOException e) {
            throw new AssertionError("cannot run " + argv, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted running " + argv, e);
        }
    }

    /** Runs and insists on exit 0, returning stdout. */
    static String ok(String... argv) {
        Result r = run(argv);
        if (r.exitCode() != 0) {
            throw new AssertionError(String.join(" ", argv) + " failed: " + r.describe());
        }
        return r.out();
    }

    /** True when {@code program} is on the PATH. */
    static boolean available(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }
}
