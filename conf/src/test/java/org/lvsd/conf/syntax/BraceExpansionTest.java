package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class BraceExpansionTest {

    @Test
    void expandsAlternativesInOrder() {
        assertEquals(List.of("a.conf", "b.conf"), BraceExpansion.expand("{a,b}.conf"));
    }

    @Test
    void expandsNestedAndEmptyAlternatives() {
        assertEquals(List.of("foo/", "foo/cat", "foo/dog", "bar"), BraceExpansion.expand("{foo/{,cat,dog},bar}"));
    }

    @Test
    void expandsSeveralGroupsAsAProduct() {
        assertEquals(List.of("a1", "a2", "b1", "b2"), BraceExpansion.expand("{a,b}{1,2}"));
    }

    @Test
    void leavesEmptyBracesAndUnmatchedBraces() {
        assertEquals(List.of("x{}y"), BraceExpansion.expand("x{}y"));
        assertEquals(List.of("x{y"), BraceExpansion.expand("x{y"));
    }

    @Test
    void patternWithoutBracesIsItself() {
        assertEquals(List.of("/etc/keepalived/*.conf"), BraceExpansion.expand("/etc/keepalived/*.conf"));
    }
}
