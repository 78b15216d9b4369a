package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.conf.Diagnostic;

class TokenizerTest {

    private final List<Diagnostic> diagnostics = new ArrayList<>();

    private List<String> tokens(String text) {
        return Tokenizer.tokenize(new SourceLine("t.conf", 3, text), diagnostics).stream()
                .map(t -> t.kind() == Token.Kind.WORD ? "<" + t.text() + ">" : t.text())
                .toList();
    }

    @Test
    void splitsWordsOnAnyWhitespace() {
        assertEquals(List.of("<a>", "<b>", "<c>"), tokens("  a\tb   c  "));
    }

    @Test
    void bracesAreTokensEvenWhenTouchingWords() {
        assertEquals(List.of("<url>", "{", "<path>", "</>", "}", "}"), tokens("url{ path /}}"));
    }

    @Test
    void quotesAreRemovedAndGroupWhitespace() {
        assertEquals(List.of("<abcd>", "<efg h jkl>", "<mnop>"), tokens("abcd \"efg h jkl\" mnop"));
    }

    @Test
    void quotedPartsJoinTheSurroundingWord() {
        assertEquals(List.of("<abcd efg h jkl mnop>"), tokens("abcd\" efg h jkl \"mnop"));
    }

    @Test
    void singleQuotesGroupAndMayHoldDoubleQuotes() {
        assertEquals(List.of("<bash -c \"x\">"), tokens("'bash -c \"x\"'"));
    }

    @Test
    void emptyQuotesAreAnEmptyWord() {
        assertEquals(List.of("<a>", "<>", "<b>"), tokens("a \"\" b"));
    }

    @Test
    void bracesInsideQuotesAreText() {
        assertEquals(List.of("<{x}>"), tokens("\"{x}\""));
    }

    @Test
    void shellEscapesInsideQuotes() {
        assertEquals(List.of("<a\nb\tc\\d\"e'f>"), tokens("\"a\\nb\\tc\\\\d\\\"e\\'f\""));
    }

    @Test
    void hexOctalAndControlEscapes() {
        assertEquals(List.of("<AB\u0001\u001b\u0007z>"), tokens("\"\\x41\\102\\cA\\E\\az\""));
    }

    @Test
    void hexEscapeTakesAtMostTwoDigitsAndOctalAtMostThree() {
        assertEquals(List.of("<A1S4>"), tokens("\"\\x411\\1234\""));
    }

    @Test
    void escapeOfAnOrdinaryCharacterIsThatCharacter() {
        assertEquals(List.of("<qx>"), tokens("\"\\q\\x\""));
    }

    @Test
    void backslashOutsideQuotesOnlyEscapesQuotesAndBackslash() {
        assertEquals(List.of("<a\\n\"b\\>"), tokens("a\\n\\\"b\\\\"));
    }

    @Test
    void unterminatedQuoteIsReportedAndClosedAtLineEnd() {
        assertEquals(List.of("<a>", "<b c>"), tokens("a \"b c"));
        assertEquals(List.of("t.conf:3: unterminated \" quoted string"),
                diagnostics.stream().map(Diagnostic::toString).toList());
    }

    @Test
    void tokensCarryFileAndLine() {
        Token token = Tokenizer.tokenize(new SourceLine("x/y.conf", 42, "kw"), diagnostics).get(0);
        assertEquals(new Token(Token.Kind.WORD, "kw", "x/y.conf", 42), token);
    }

    @Test
    void wordsTreatBracesAsOrdinaryCharacters() {
        assertEquals(List.of("{a,b}/*.conf", "x y"),
                Tokenizer.words(new SourceLine("t.conf", 1, " {a,b}/*.conf 'x y'"), diagnostics));
    }
}
