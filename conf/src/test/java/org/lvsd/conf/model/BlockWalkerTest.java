package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockWalkerTest {

    private static List<String> walk(Block block, String keyword, String... args) {
        List<String> seen = new ArrayList<>();
        Diags d = new Diags();
        BlockWalker.walk(block, new Stmt(keyword, List.of(args), new Where("f", 1), List.of(), false), d,
                s -> seen.add(s.text()));
        d.list().forEach(x -> seen.add(x.toString()));
        return seen;
    }

    @Test
    void surplusWordsStartingWithAKeywordBecomeTheNextStatement() {
        assertEquals(List.of("path /", "status_code 200"), walk(Block.URL, "path", "/", "status_code", "200"));
        assertEquals(List.of("connect_timeout 3", "retry 2", "delay_before_retry 2"),
                walk(Block.HTTP_GET, "connect_timeout", "3", "retry", "2", "delay_before_retry", "2"));
    }

    @Test
    void variableArityKeywordsStopAtTheNextKeyword() {
        assertEquals(List.of("status_code 200-299 404", "virtualhost www"),
                walk(Block.URL, "status_code", "200-299", "404", "virtualhost", "www"));
        assertEquals(List.of("alpha", "retry 3"), walk(Block.TCP_CHECK, "alpha", "retry", "3"));
    }

    @Test
    void extraWordsThatAreNotKeywordsAreWarnedAndDropped() {
        assertEquals(List.of("priority 100", "f:1: warning: extra words after 'priority' ignored: 'extra'"),
                walk(Block.VRRP_INSTANCE, "priority", "100", "extra"));
    }

    @Test
    void unknownKeywordIsAWarningAndSkipped() {
        assertEquals(List.of("f:1: warning: unknown keyword 'foo' ignored"), walk(Block.VRRP_INSTANCE, "foo", "1"));
    }

    @Test
    void missingArgumentIsAnError() {
        assertEquals(List.of("f:1: missing required argument for 'priority'"), walk(Block.VRRP_INSTANCE, "priority"));
    }
}
