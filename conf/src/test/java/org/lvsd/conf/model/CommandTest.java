package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CommandTest {

    @Test
    void splitsOnUnquotedBlanksAndGroupsQuotedWords() {
        assertEquals(List.of("/usr/bin/killall", "-0", "haproxy"), Command.split("/usr/bin/killall -0 haproxy"));
        assertEquals(List.of("/bin/notify", "a b", "c"), Command.split("/bin/notify 'a b' c"));
        assertEquals(List.of("/bin/x", "say \"hi\""), Command.split("/bin/x 'say \"hi\"'"));
        assertEquals(List.of("a b"), Command.split("a\\ b"));
        assertEquals(List.of(), Command.split("   "));
    }
}
