package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.Diagnostic;

/**
 * Reads every keepalived.conf.* sample that Debian's keepalived package installs (the
 * samples are read in place, never copied into this repository).
 */
class DebianSamplesTest {

    private static final Path SAMPLES = Path.of("/usr/share/doc/keepalived/samples");

    private static List<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(SAMPLES)) {
            return files.filter(p -> p.getFileName().toString().startsWith("keepalived.conf."))
                    .filter(p -> !p.getFileName().toString().endsWith(".gz"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void everySampleReadsWithoutErrors() throws IOException {
        if (!Files.isDirectory(SAMPLES)) {
            System.out.println("DebianSamplesTest skipped: " + SAMPLES + " is absent (install Debian's keepalived)");
        }
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES), SAMPLES + " is absent (install Debian's keepalived)");
        List<Path> samples = samples();
        assertFalse(samples.isEmpty(), "no keepalived.conf.* in " + SAMPLES);
        for (Path sample : samples) {
            ParseResult result = ConfigReader.read(sample, new ParseOptions("high", Map.of()));
            List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
            assertEquals(List.of(), errors, sample.toString());
            assertFalse(result.root().getChildren().isEmpty(), sample + " gave no statements");
        }
    }

    @Test
    void everySampleSurvivesAWriteReadRoundTrip() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(SAMPLES), SAMPLES + " is absent (install Debian's keepalived)");
        for (Path sample : samples()) {
            ParseResult first = ConfigReader.read(sample, new ParseOptions("high", Map.of()));
            ParseResult second = ConfigReader.read(Trees.written(first), "written.conf", new ParseOptions("high", Map.of()));
            assertEquals(List.of(), second.diagnostics(), sample.toString());
            assertEquals(Trees.shape(first.root()), Trees.shape(second.root()), sample.toString());
        }
    }

    @Test
    void conditionalSampleKeepsTheLinesOfItsConfigId() throws IOException {
        Path sample = SAMPLES.resolve("keepalived.conf.conditional_conf");
        Assumptions.assumeTrue(Files.isRegularFile(sample), sample + " is absent (install Debian's keepalived)");
        var root = ConfigReader.read(sample, new ParseOptions("low", Map.of())).root();
        assertEquals(List.of("low"), Nodes.args(root.getChildren().get(0)));
        var instance = root.getChildren("vrrp_instance").get(0);
        assertEquals(List.of("85"), Nodes.args(instance.getChildren("priority").get(0)));
    }
}
