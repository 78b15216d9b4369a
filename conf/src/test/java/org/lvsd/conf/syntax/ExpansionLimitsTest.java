package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.conf.Diagnostic;

/** Runaway parameters and loops end in one error instead of exhausting memory. */
class ExpansionLimitsTest {

    @Test
    void parametersThatDoubleAtEachLevelStopAtTheLineLengthLimit() {
        StringBuilder text = new StringBuilder("$A0=0123456789\n");
        for (int i = 1; i <= 20; i++) {
            text.append("$A").append(i).append("=${A").append(i - 1).append("}${A").append(i - 1).append("}\n");
        }
        text.append("k ${A20}\nafter\n");
        ParseResult result = Trees.parse(text.toString());
        assertEquals(List.of("test.conf:22: line is longer than 1048576 characters after parameter substitution"),
                Trees.messages(result));
        assertEquals("after", Trees.render(result.root()));
    }

    @Test
    void loopsStopAtTheLineLimit() {
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<SourceLine> lines = new ArrayList<>();
        Preprocessor preprocessor = new Preprocessor(Trees.OPTIONS, diagnostics, lines::add, 1000);
        preprocessor.read(new Source("t.conf", Path.of(""), null), "~SEQ(A, 1, 100) ~SEQ(B, 1, 100) x ${A}.${B}\n");
        assertEquals(List.of("t.conf:1: more than 1000 lines after expanding includes, parameters and loops; the rest is ignored"),
                diagnostics.stream().map(Diagnostic::toString).toList());
        assertEquals(989, lines.size());
        assertEquals(new SourceLine("t.conf", 1, " x 10.89"), lines.get(988));
    }

    @Test
    void includesThatFanOutStopAtTheLineLimit(@TempDir Path dir) throws IOException {
        for (String name : List.of("a", "b", "c", "d", "e", "f")) {
            Files.writeString(dir.resolve(name + ".conf"), "include *.conf\n" + name + "\n");
        }
        List<Diagnostic> diagnostics = new ArrayList<>();
        List<SourceLine> lines = new ArrayList<>();
        Preprocessor preprocessor = new Preprocessor(Trees.OPTIONS, diagnostics, lines::add, 100);
        preprocessor.read(new Source("main.conf", dir, null), "include *.conf\n");
        assertEquals(1, diagnostics.stream().filter(d -> d.message().startsWith("more than 100 lines")).count());
        assertEquals(48, lines.size(), "each file read costs its include line and its content line");
    }
}
