package org.lvsd.conf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.lvsd.conf.model.Keywords;

/**
 * README.md's keyword table is the keyword registry, so it cannot drift from what the parser
 * does. After a change to the registry, rewrite it with
 * {@code ./mvnw -pl conf test -Dtest=ReadmeKeywordTableTest -Dlvsd.golden.update=true}.
 */
class ReadmeKeywordTableTest {

    private static final Path README = Path.of("../README.md");
    private static final String BEGIN = "<!-- keywords:begin (generated from org.lvsd.conf.model.Keywords) -->\n";
    private static final String END = "<!-- keywords:end -->\n";

    @Test
    void readmeListsExactlyTheRegisteredKeywords() throws IOException {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int begin = readme.indexOf(BEGIN);
        int end = readme.indexOf(END);
        assertTrue(begin >= 0 && end > begin, "README.md lacks the keyword table markers");
        String table = readme.substring(begin + BEGIN.length(), end);
        if (Boolean.getBoolean("lvsd.golden.update")) {
            readme = readme.substring(0, begin + BEGIN.length()) + Keywords.markdownTable() + readme.substring(end);
            Files.writeString(README, readme, StandardCharsets.UTF_8);
            table = Keywords.markdownTable();
        }
        assertEquals(Keywords.markdownTable(), table);
    }
}
