package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommentsTest {

    @Test
    void hashStartsACommentAnywhere() {
        assertEquals("weight 1 ", Comments.strip("weight 1 # the weight"));
    }

    @Test
    void bangStartsACommentAnywhere() {
        assertEquals("  lb_algo rr", Comments.strip("  lb_algo rr! round robin"));
    }

    @Test
    void wholeLineComment() {
        assertEquals("", Comments.strip("! Configuration File for keepalived"));
    }

    @Test
    void commentCharactersInsideQuotesAreKept() {
        assertEquals("script \"test ! -e /x # y\" ", Comments.strip("script \"test ! -e /x # y\" # real"));
    }

    @Test
    void escapedQuoteDoesNotEndTheQuotedString() {
        assertEquals("a \"b\\\" # c\"", Comments.strip("a \"b\\\" # c\"# d"));
    }

    @Test
    void escapedQuoteOutsideQuotesDoesNotOpenOne() {
        assertEquals("a \\\"b ", Comments.strip("a \\\"b # c"));
    }
}
