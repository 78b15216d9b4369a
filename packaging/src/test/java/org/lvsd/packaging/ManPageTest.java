package org.lvsd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;

/** The hand-written roff pages format without a warning and ship as gzip of exactly that source. */
class ManPageTest {

    private static final List<String> PAGES = List.of("lvsd.8", "lvsctl.8", "lvs-realserver.8", "lvsd.conf.5");

    @Test
    void everyPageFormatsWithoutAWarning() {
        Built.assumeProgram("ManPageTest", "groff");
        for (String page : PAGES) {
            Command.Result r = Command.run(Map.of("LC_ALL", "C.UTF-8"),
                    List.of("groff", "-man", "-Tutf8", "-ww", "-z", Built.module().resolve("man").resolve(page).toString()));
            assertEquals(new Command.Result(0, "", ""), r, page + ": " + r.describe());
        }
    }

    @Test
    void everyGzippedPageIsItsSource() throws IOException {
        for (String page : PAGES) {
            Path gz = Built.module().resolve("target/man").resolve(page + ".gz");
            try (InputStream in = new GZIPInputStream(Files.newInputStream(gz))) {
                assertEquals(Files.readString(Built.module().resolve("man").resolve(page)),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8), page);
            }
        }
    }

    @Test
    void everyPageNamesItselfInItsTitle() throws IOException {
        for (String page : PAGES) {
            String name = page.substring(0, page.lastIndexOf('.'));
            String section = page.substring(page.lastIndexOf('.') + 1);
            String th = Files.readAllLines(Built.module().resolve("man").resolve(page)).stream()
                    .filter(l -> l.startsWith(".TH ")).findFirst().orElseThrow();
            assertEquals(true, th.startsWith(".TH " + name.toUpperCase() + " " + section + " "), th);
        }
    }
}
