package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReaderTest {

    @TempDir
    Path dir;

    @Test
    void missingMainFileIsAnErrorAtLineZero() {
        Path missing = dir.resolve("nope.conf");
        ParseResult result = ConfigReader.read(missing, Trees.OPTIONS);
        assertEquals(List.of(missing + ": cannot read: no such file"), Trees.messages(result));
        assertEquals(0, result.diagnostics().get(0).line());
        assertEquals(List.of(), result.root().getChildren());
        assertTrue(result.hasErrors());
    }

    @Test
    void directoryAsMainFileIsAnError() {
        ParseResult result = ConfigReader.read(dir, Trees.OPTIONS);
        assertEquals(1, result.diagnostics().size());
        assertEquals(dir.toString(), result.diagnostics().get(0).file());
        assertTrue(result.hasErrors());
    }

    @Test
    void mainFileIsNamedAsGiven() throws IOException {
        Path main = Files.writeString(dir.resolve("k.conf"), "a\n");
        ParseResult result = ConfigReader.read(main, Trees.OPTIONS);
        assertEquals(main + ":1", Nodes.where(result.root().getChildren().get(0)));
        assertFalse(result.hasErrors());
    }

    @Test
    void warningsAloneAreNotErrors() {
        ParseResult result = Trees.parse("k $UNDEFINED_X");
        assertEquals(1, result.diagnostics().size());
        assertFalse(result.hasErrors());
    }

    @Test
    void textIsNamedAsPretended() {
        assertEquals("pretend.conf:2", Nodes.where(
                ConfigReader.read("\nk", "pretend.conf", Trees.OPTIONS).root().getChildren().get(0)));
    }

    @Test
    void defaultOptionsUseTheShortHostNameAndTheProcessEnvironment() {
        ParseOptions defaults = ParseOptions.defaults();
        assertFalse(defaults.configId().isEmpty());
        assertFalse(defaults.configId().contains("."));
        assertEquals(System.getenv(), defaults.environment());
    }
}
