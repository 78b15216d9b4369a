package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ConditionalsTest {

    @Test
    void lineForThisConfigIdIsKeptWithoutItsCondition() {
        assertEquals("\trouter_id main_router", Conditionals.apply("  @main\trouter_id main_router", "main"));
    }

    @Test
    void lineForAnotherConfigIdIsDropped() {
        assertEquals(null, Conditionals.apply("@backup router_id backup_router", "main"));
    }

    @Test
    void negatedConditionKeepsLinesForOtherIds() {
        assertEquals(" 1.2.3.5", Conditionals.apply("@^main 1.2.3.5", "backup"));
        assertEquals(null, Conditionals.apply("@^main 1.2.3.4", "main"));
    }

    @Test
    void idMustMatchExactly() {
        assertEquals(null, Conditionals.apply("@main2 priority 1", "main"));
    }

    @Test
    void lineWithoutConditionIsUnchanged() {
        assertEquals("  priority 1", Conditionals.apply("  priority 1", "main"));
    }

    @Test
    void conditionsSelectStatementsInsideBlocks() {
        String text = "global_defs {\n  @main router_id main_router\n  @backup router_id backup_router\n}\n"
                + "unicast_peer {\n  @^main 1.2.3.4\n  @^backup 1.2.3.5\n  @^backup2 1.2.3.6\n}";
        assertEquals("global_defs {router_id main_router}; unicast_peer {1.2.3.5; 1.2.3.6}", Trees.render(text));
    }

    @Test
    void conditionalLinesKeepTheirLineNumbers() {
        ParseResult result = Trees.parse("@other a\n@main b\n");
        assertEquals("test.conf:2", Nodes.where(result.root().getChildren().get(0)));
    }
}
