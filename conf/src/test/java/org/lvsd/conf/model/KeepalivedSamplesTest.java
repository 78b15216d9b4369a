package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.Diagnostic;
import org.lvsd.conf.syntax.ParseOptions;

/**
 * Builds the model of every keepalived.conf.* sample Debian's keepalived package installs
 * (read in place, never copied here): existing keepalived configurations must load unchanged.
 */
class KeepalivedSamplesTest {

    private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");

    private static ConfigLoader.LoadResult load(Path p) {
        return ConfigLoader.load(p, new ParseOptions("high", Map.of()));
    }

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.getFileName().toString().startsWith("keepalived.conf."))
                    .filter(p -> !p.getFileName().toString().endsWith(".gz")).sorted().toList();
        }
    }

    private static void assumeSamples() {
        if (!Files.isDirectory(SAMPLES)) {
            System.out.println("KeepalivedSamplesTest skipped: " + SAMPLES + " is absent (install Debian's keepalived)");
        }
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES), SAMPLES + " is absent");
    }

    @Test
    void everySampleBuildsAModelWithoutErrors() throws IOException {
        assumeSamples();
        List<Path> all = samples();
        assertFalse(all.isEmpty());
        for (Path p : all) {
            ConfigLoader.LoadResult r = load(p);
            assertEquals(List.of(), r.diagnostics().stream().filter(Diagnostic::isError).toList(), p.toString());
            assertTrue(r.config().isPresent(), p.toString());
        }
    }

    @Test
    void syncGroupWithoutGroupBlockIsWarnedAndDropped() {
        assumeSamples();
        Path p = SAMPLES.resolve("keepalived.conf.vrrp.lvs_syncd");
        Assumptions.assumeTrue(Files.isRegularFile(p));
        ConfigLoader.LoadResult r = load(p);
        assertEquals(List.of(p + ":4: warning: unknown keyword 'VI_2' ignored",
                p + ":5: warning: unknown keyword 'VI_3' ignored",
                p + ":3: warning: vrrp_sync_group VG1 has no members, ignored"),
                r.diagnostics().stream().map(Object::toString).toList().subList(0, 3));
        assertEquals(Map.of(), r.config().orElseThrow().syncGroups());
    }
}
