package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class LineLoopTest {

    @Test
    void sequenceWithDefaultStep() {
        assertEquals("ip_address 10.0.0.1; ip_address 10.0.1.1; ip_address 10.0.2.1; ip_address 10.0.3.1",
                Trees.render("~SEQ(SUBNET, 0, 3) ip_address 10.0.${SUBNET}.1"));
    }

    @Test
    void sequenceWithStepAndHexFormat() {
        assertEquals("ip fe80::20:90:1; ip fe80::20:a0:1; ip fe80::20:b0:1; ip fe80::20:c0:1",
                Trees.render("~SEQx(S, 0x90, 0x10, 0xc0) ip fe80::20:${S}:1"));
    }

    @Test
    void sequenceWithOnlyAnEndStartsAtOne() {
        assertEquals("n 1; n 2; n 3", Trees.render("~SEQ(I, 3) n ${I}"));
    }

    @Test
    void sequenceCountsDown() {
        assertEquals("n 3; n 1; n -1", Trees.render("~SEQ(I, 3, -2, -1) n ${I}"));
    }

    @Test
    void nestedSequencesInsideABlock() {
        assertEquals("virtual_ipaddress {fe81::10:90:12; fe81::10:90:11; fe81::10:a0:12; fe81::10:a0:11}",
                Trees.render("virtual_ipaddress {\n ~SEQx(A, 0x90, 0x10, 0xa0) ~SEQx(B, 0x12, -1, 0x11) fe81::10:${A}:${B}\n}"));
    }

    @Test
    void listOfValues() {
        assertEquals("192.169.1.5; 192.169.1.6; 192.169.2.5; 192.169.2.6",
                Trees.render("~LST(IP, 1, 2) ~LST(IP1, 5,6) 192.169.${IP}.${IP1}"));
    }

    @Test
    void listOfGroupsSetsSeveralVariables() {
        assertEquals("192.168.10.1; 192.170.10.1; 192.168.20.4; 192.170.20.4",
                Trees.render("~LST({IP, IP1}, {10,1},{20,4}) ~SEQ(IP2,168,2,170) 192.${IP2}.${IP}.${IP1}"));
    }

    @Test
    void loopOverAMultiLineParameter() {
        assertEquals("a 1 {b}; a 2 {b}", Trees.render("$X= \\\na ${N} { \\\nb }\n~SEQ(N, 1, 2) $X"));
    }

    @Test
    void generatedLinesKeepTheLoopLine() {
        ParseResult result = Trees.parse("\n~LST(V, a, b) k ${V}");
        assertEquals(List.of("test.conf:2", "test.conf:2"),
                result.root().getChildren().stream().map(Nodes::where).toList());
    }

    @Test
    void zeroStepIsAnError() {
        assertEquals(List.of("test.conf:1: ~SEQ step must not be 0"),
                Trees.messages(Trees.parse("~SEQ(I, 1, 0, 3) k")));
    }

    @Test
    void listGroupOfTheWrongSizeIsAnError() {
        assertEquals(List.of("test.conf:1: ~LST value '{1}' has 1 parts for 2 variables"),
                Trees.messages(Trees.parse("~LST({A,B}, {1}) k")));
    }
}
