package org.lvsd.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.lvsd.conf.ConfigLoader.LoadResult;
import org.lvsd.conf.model.ModelJson;
import org.lvsd.conf.syntax.ParseOptions;

/**
 * Every configuration in {@code conf/examples} parses, without errors, to exactly the model
 * recorded in {@code src/test/resources/examples/NAME.json} (read as director dir1).
 *
 * <p>After a deliberate change to the model, regenerate the expectations with
 * {@code ./mvnw -pl conf test -Dtest=ExamplesTest -Dlvsd.golden.update=true} and review the diff.
 */
class ExamplesTest {

    private static final Path EXAMPLES = Path.of("examples");
    private static final Path GOLDEN = Path.of("src/test/resources/examples");

    static Stream<Path> examples() throws IOException {
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            List<Path> confs = files.filter(p -> p.toString().endsWith(".conf")).sorted().toList();
            assertEquals(7, confs.size(), "one example per tutorial scenario");
            return confs.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("examples")
    void exampleParsesToItsRecordedModel(Path example) throws IOException {
        LoadResult result = ConfigLoader.load(example, new ParseOptions("dir1", Map.of()));

        List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
        assertEquals(List.of(), errors);
        assertTrue(result.config().isPresent());

        String name = example.getFileName().toString().replace(".conf", ".json");
        String actual = ModelJson.write(result.config().get()) + "\n";
        Path golden = GOLDEN.resolve(name);
        if (Boolean.getBoolean("lvsd.golden.update")) {
            Files.writeString(golden, actual, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual, "model of " + example);
    }
}
