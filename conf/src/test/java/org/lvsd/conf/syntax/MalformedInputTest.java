package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input gives exact diagnostics and never an exception. */
class MalformedInputTest {

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("unclosed block", "global_defs {\n  router_id x\n",
                        List.of("test.conf:1: '{' opened here for 'global_defs' is never closed")),
                Arguments.of("unclosed nested blocks report outermost first", "a {\n b {\n  c {\n }\n",
                        List.of("test.conf:1: '{' opened here for 'a' is never closed",
                                "test.conf:2: '{' opened here for 'b' is never closed")),
                Arguments.of("unclosed brace on its own line names that line", "vrrp_instance VI_1\n\n{\n state MASTER\n",
                        List.of("test.conf:3: '{' opened here for 'vrrp_instance' is never closed")),
                Arguments.of("stray closing brace", "a 1\n}\nb 2\n",
                        List.of("test.conf:2: '}' without a matching '{'")),
                Arguments.of("stray closing brace after a balanced block", "a {\n}\n}\n",
                        List.of("test.conf:3: '}' without a matching '{'")),
                Arguments.of("closing brace too many on one line", "a { b } }\n",
                        List.of("test.conf:1: '}' without a matching '{'")),
                Arguments.of("opening brace at the very start", "{\n a\n}\n",
                        List.of("test.conf:1: '{' without a keyword before it")),
                Arguments.of("second opening brace for the same statement", "a {\n}\n{\n}\n",
                        List.of("test.conf:3: '{' without a keyword before it")),
                Arguments.of("unterminated double quote", "notify \"/bin/x arg\n",
                        List.of("test.conf:1: unterminated \" quoted string")),
                Arguments.of("unterminated single quote", "a\n  script 'x\n",
                        List.of("test.conf:2: unterminated ' quoted string")),
                Arguments.of("parameter loop", "$A=$B\n$B=${A}\nk ${A}\n",
                        List.of("test.conf:3: parameter loop: $A -> $B -> $A")),
                Arguments.of("include without a file name", "\n\ninclude\n",
                        List.of("test.conf:3: include needs a file name")),
                Arguments.of("strict include of a missing file", "includer /nonexistent/lvsd/x.conf\n",
                        List.of("test.conf:1: include file '/nonexistent/lvsd/x.conf' does not exist")),
                Arguments.of("strict include of a glob matching nothing", "includem /nonexistent/lvsd/*.conf\n",
                        List.of("test.conf:1: include pattern '/nonexistent/lvsd/*.conf' matches no file")),
                Arguments.of("sequence without closing parenthesis", "~SEQ(I, 1, 3 k\n",
                        List.of("test.conf:1: ~SEQ has no closing ')'")),
                Arguments.of("sequence with too few fields", "~SEQ(I) k\n",
                        List.of("test.conf:1: ~SEQ needs (var, [[start,] step,] end), got 1 fields")),
                Arguments.of("sequence with a bad number", "~SEQx(I, 1, zz) k\n",
                        List.of("test.conf:1: ~SEQx value 'zz' is not a number")),
                Arguments.of("sequence variable that is not a name", "~SEQ(9x, 3) k\n",
                        List.of("test.conf:1: ~SEQ variable '9x' is not a parameter name")),
                Arguments.of("list without values", "~LST(V) k\n",
                        List.of("test.conf:1: ~LST needs a variable and at least one value")),
                Arguments.of("unterminated quote inside a block still closes the block", "a {\n b \"c }\n}\n",
                        List.of("test.conf:2: unterminated \" quoted string")),
                Arguments.of("errors are reported in order", "}\nx \"y\n",
                        List.of("test.conf:1: '}' without a matching '{'", "test.conf:2: unterminated \" quoted string")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reportsExactDiagnostics(String name, String text, List<String> expected) {
        assertEquals(expected, Trees.messages(Trees.parse(text)));
    }
}
