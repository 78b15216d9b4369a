package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void dollarNameFollowedByWhitespaceIsReplaced() {
        assertEquals("priority 240 x", Trees.render("$PRIORITY=240\npriority $PRIORITY x"));
    }

    @Test
    void dollarNameAtEndOfLineIsReplaced() {
        assertEquals("priority 240", Trees.render("$PRIORITY=240\npriority $PRIORITY"));
    }

    @Test
    void dollarNameFollowedByOtherTextIsLeftAlone() {
        assertEquals("script /bin/$P/x", Trees.render("$P=240\nscript /bin/$P/x"));
    }

    @Test
    void bracedReferenceNeedNotBeFollowedByWhitespace() {
        assertEquals("ip 10.0.3.1/24", Trees.render("$NET=10.0.3\nip ${NET}.1/24"));
    }

    @Test
    void substitutionIsRecursiveAndLazy() {
        String text = "$ADDRESS_BASE=10.2.${ADDRESS_BASE_SUB}\n$ADDRESS_BASE_SUB=0\n${ADDRESS_BASE}.100/32\n"
                + "$ADDRESS_BASE_SUB=10\n${ADDRESS_BASE}.100/32\n";
        assertEquals("10.2.0.100/32; 10.2.10.100/32", Trees.render(text));
    }

    @Test
    void emptyValueIsAllowed() {
        assertEquals("real_server x", Trees.render("$ALPHA=\nreal_server x $ALPHA"));
    }

    @Test
    void definitionCanBeConditional() {
        assertEquals("priority 240", Trees.render("@main $PRIORITY=240\n@backup $PRIORITY=200\npriority $PRIORITY"));
    }

    @Test
    void substitutedConditionIsApplied() {
        assertEquals("priority 240", Trees.render("$IF_MAIN=@main\n$IF_OTHER=@other\n$IF_MAIN priority 240\n"
                + "$IF_OTHER priority 100"));
    }

    @Test
    void substitutedBracesAndQuotesAreSyntax() {
        assertEquals("vip {198.51.100.7 label eth0:1}", Trees.render("$V={ 198.51.100.7 \"label\" eth0:1 }\nvip $V"));
    }

    @Test
    void multiLineDefinitionExpandsToSeveralLines() {
        String text = "$INSTANCE= \\\nvrrp_instance VI_${NUM} { \\\n    interface eth0.${NUM} \\\n"
                + "    @main priority 130 \\\n    @other priority 120 \\\n    virtual_ipaddress { \\\n"
                + "        10.0.${NUM}.254/24 \\\n    } \\\n}\n\n$NUM=0\n$INSTANCE\n\n$NUM=1\n$INSTANCE\n";
        assertEquals("vrrp_instance VI_0 {interface eth0.0; priority 130; virtual_ipaddress {10.0.0.254/24}}; "
                + "vrrp_instance VI_1 {interface eth0.1; priority 130; virtual_ipaddress {10.0.1.254/24}}",
                Trees.render(text));
    }

    @Test
    void multiLineValueMayDefineParametersUsedLaterInIt() {
        String text = "$RS= \\\nreal_server 192.168.${VS_NUM}.${RS_NUM} 80 { \\\n  weight 1 \\\n}\n"
                + "$VS= \\\nvirtual_server 10.0.${VS_NUM}.4 80 { \\\n  $RS_NUM=1 \\\n  $RS \\\n  $RS_NUM=2 \\\n"
                + "  $RS \\\n}\n$VS_NUM=0\n$VS\n";
        assertEquals("virtual_server 10.0.0.4 80 {real_server 192.168.0.1 80 {weight 1}; "
                + "real_server 192.168.0.2 80 {weight 1}}", Trees.render(text));
    }

    @Test
    void lineAfterTheLastBackslashEndsTheDefinitionEvenWhenBlank() {
        ParseResult result = Trees.parse("$B= \\\na { \\\n  b \\\n\n}\n$B\n");
        assertEquals(List.of("test.conf:5: '}' without a matching '{'",
                "test.conf:6: '{' opened here for 'a' is never closed"), Trees.messages(result));
    }

    @Test
    void linesOfAMultiLineExpansionTakeTheLineOfTheReference() {
        ParseResult result = Trees.parse("$B= \\\na 1 \\\nb 2\n\n\n$B\n");
        assertEquals(List.of("test.conf:6", "test.conf:6"),
                result.root().getChildren().stream().map(Nodes::where).toList());
    }

    @Test
    void textAroundAMultiLineReferenceJoinsItsFirstAndLastLines() {
        assertEquals("x a; b y", Trees.render("$B= \\\na \\\nb\nx ${B} y"));
    }

    @Test
    void commentsInsideAMultiLineDefinitionAreRemoved() {
        assertEquals("a {b}", Trees.render("$B= \\\na { \\\n  b \\ # inner\n} # end\n$B"));
    }

    @Test
    void undefinedParameterIsLeftAsWrittenWithAWarning() {
        ParseResult result = Trees.parse("script \"/bin/x ${UNDEF}\"\nnotify $ALSO_UNDEF");
        assertEquals("script /bin/x ${UNDEF}; notify $ALSO_UNDEF", Trees.render(result.root()));
        assertEquals(List.of("test.conf:1: warning: undefined parameter ${UNDEF} left as written",
                "test.conf:2: warning: undefined parameter $ALSO_UNDEF left as written"), Trees.messages(result));
    }

    @Test
    void parameterLoopIsAnError() {
        ParseResult result = Trees.parse("$A=x ${B}\n$B=${C}y\n$C=$A\nk $A\n");
        assertEquals(List.of("test.conf:4: parameter loop: $A -> $B -> $C -> $A"), Trees.messages(result));
        assertEquals("k x $Ay", Trees.render(result.root()));
    }

    @Test
    void selfReferenceIsALoop() {
        ParseResult result = Trees.parse("$A=${A}\nk ${A}");
        assertEquals(List.of("test.conf:2: parameter loop: $A -> $A"), Trees.messages(result));
    }

    @Test
    void multiLineParameterLoopIsAnError() {
        ParseResult result = Trees.parse("$M= \\\na \\\n$M\n$M\n");
        assertEquals(List.of("test.conf:4: parameter loop: $M -> $M"), Trees.messages(result));
        assertEquals("a; $M", Trees.render(result.root()));
    }

    @Test
    void sameParameterTwiceOnALineIsNotALoop() {
        assertEquals("k 1 1", Trees.render("$A=1\nk $A ${A}"));
    }

    @Test
    void multiLineParameterInsideAOneLineParameterIsAnError() {
        ParseResult result = Trees.parse("$M= \\\na \\\nb\n$S=x ${M}\nk $S\n");
        assertEquals(List.of("test.conf:5: multi-line parameter $M cannot be used inside the one-line parameter $S"),
                Trees.messages(result));
    }

    @Test
    void predefinedHashAndBangAreNotComments() {
        assertEquals("script echo#!", Trees.render("script echo${_HASH}${_BANG} # comment"));
    }

    @Test
    void predefinedInstanceIsTheConfigId() {
        assertEquals("router_id main", Trees.render("router_id ${_INSTANCE}"));
    }

    @Test
    void predefinedPwdIsTheAbsoluteDirectoryOfTheFile() {
        assertEquals("script " + Path.of("").toAbsolutePath() + "/check.sh", Trees.render("script ${_PWD}/check.sh"));
    }

    @Test
    void predefinedEnvReadsTheEnvironment() {
        assertEquals("interface eth7", Trees.render("interface ${_ENV LVSD_TEST_IF}"));
    }

    @Test
    void unsetEnvironmentVariableIsEmptyWithAWarning() {
        ParseResult result = Trees.parse("interface x${_ENV NOPE}y");
        assertEquals("interface xy", Trees.render(result.root()));
        assertEquals(List.of("test.conf:1: warning: environment variable 'NOPE' is not set; ${_ENV NOPE} is empty"),
                Trees.messages(result));
    }

    @Test
    void predefinedRandomWithEqualBoundsIsThatNumber() {
        assertEquals("weight 7", Trees.render("weight ${_RANDOM 7 7}"));
    }

    @Test
    void predefinedRandomStaysWithinItsDefaultRange() {
        for (int i = 0; i < 50; i++) {
            int value = Integer.parseInt(Nodes.arg(Trees.parse("w ${_RANDOM}").root().getChildren().get(0), 0));
            assertTrue(value >= 0 && value <= 32767, "out of range: " + value);
            int bounded = Integer.parseInt(Nodes.arg(Trees.parse("w ${_RANDOM 3 4}").root().getChildren().get(0), 0));
            assertTrue(bounded == 3 || bounded == 4, "out of range: " + bounded);
        }
    }

    @Test
    void predefinedRandomWithBadBoundsIsAnError() {
        ParseResult result = Trees.parse("w x${_RANDOM 9 2}y");
        assertEquals("w xy", Trees.render(result.root()));
        assertEquals(List.of("test.conf:1: ${_RANDOM 9 2} needs non-negative integers MIN <= MAX"), Trees.messages(result));
    }

    @Test
    void dollarNotStartingANameIsText() {
        assertEquals("script kill -0 $(cat /run/x.pid) $1 $", Trees.render("script kill -0 $(cat /run/x.pid) $1 $"));
    }
}
