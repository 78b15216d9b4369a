package org.lvsd.controller.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.model.Command;

class CommandTextTest {

    @Test
    void plainWordsAreJoinedBySpaces() {
        assertEquals("/bin/notify up 198.51.100.21", CommandText.join(List.of("/bin/notify", "up", "198.51.100.21")));
    }

    @Test
    void wordsWithBlanksQuotesOrNothingAreQuotedAndSplitBack() {
        List<String> argv = List.of("/bin/say", "two words", "it's", "", "back\\slash", "\"dq\"");
        String line = CommandText.join(argv);
        assertEquals("/bin/say 'two words' it\\'s '' 'back\\slash' '\"dq\"'", line);
        assertEquals(argv, Command.split(line));
    }
}
