package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.Diagnostic;

/**
 * The builder never throws: damaged versions of the example director (each line dropped, each
 * word replaced by a nonsense word) only ever give diagnostics, never an exception or an
 * internal error.
 */
class RobustnessTest {

    private static List<String> lines() throws IOException {
        try (InputStream in = RobustnessTest.class.getResourceAsStream("/model/director.conf")) {
            return Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
    }

    private static void assertNoInternalError(String text, String what) {
        ConfigLoader.LoadResult r = TestConfigs.load(text);
        List<Diagnostic> internal = r.diagnostics().stream().filter(d -> d.message().contains("internal")).toList();
        assertEquals(List.of(), internal, what);
        assertEquals(r.hasErrors(), r.config().isEmpty(), what);
    }

    @Test
    void droppingAnyLineNeverBreaksTheBuilder() throws IOException {
        List<String> lines = lines();
        for (int i = 0; i < lines.size(); i++) {
            List<String> damaged = new ArrayList<>(lines);
            damaged.remove(i);
            assertNoInternalError(String.join("\n", damaged), "without line " + (i + 1));
        }
    }

    @Test
    void replacingAnyWordNeverBreaksTheBuilder() throws IOException {
        List<String> lines = lines();
        int variants = 0;
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).trim().split("\\s+");
            for (int w = 0; w < words.length; w++) {
                for (String junk : List.of("x", "-1", "")) {
                    String[] copy = words.clone();
                    copy[w] = junk;
                    List<String> damaged = new ArrayList<>(lines);
                    damaged.set(i, String.join(" ", copy));
                    assertNoInternalError(String.join("\n", damaged), "line " + (i + 1) + " word " + w + " -> " + junk);
                    variants++;
                }
            }
        }
        assertFalse(variants < 300, "only " + variants + " variants");
    }
}
