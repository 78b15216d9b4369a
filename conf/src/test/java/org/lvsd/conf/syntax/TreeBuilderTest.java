package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.junit.jupiter.api.Test;

class TreeBuilderTest {

    @Test
    void statementsOnSeparateLines() {
        assertEquals("global_defs {router_id LVS_1; enable_script_security}",
                Trees.render("global_defs {\n    router_id LVS_1\n    enable_script_security\n}\n"));
    }

    @Test
    void wholeBlockOnOneLine() {
        assertEquals("virtual_ipaddress {198.51.100.100/24 dev eth0}",
                Trees.render("virtual_ipaddress { 198.51.100.100/24 dev eth0 }"));
    }

    @Test
    void nestedBlocksAndStatementsAfterABlockOnOneLine() {
        assertEquals("HTTP_GET {url {path / status_code 200}; connect_timeout 3}",
                Trees.render("HTTP_GET { url { path / status_code 200 } connect_timeout 3 }"));
    }

    @Test
    void openingBraceOnTheNextLineAttachesToThePreviousStatement() {
        assertEquals("vrrp_instance VI_1 {state MASTER}; vrrp_script chk",
                Trees.render("vrrp_instance VI_1\n{\n state MASTER\n}\nvrrp_script chk\n"));
    }

    @Test
    void closingBraceEndsTheStatementBeforeIt() {
        assertEquals("a {b 1}; c 2", Trees.render("a {\n b 1 }\nc 2"));
    }

    @Test
    void closingBraceThenNewStatementOnTheSameLine() {
        assertEquals("a {b}; c {d}", Trees.render("a { b } c { d }"));
    }

    @Test
    void emptyBlockIsMarkedAsBlock() {
        ImmutableNode node = Trees.parse("track_script {\n}").root().getChildren().get(0);
        assertTrue(Nodes.hasBlock(node));
        assertEquals(List.of(), node.getChildren());
    }

    @Test
    void statementWithoutBlockHasNoBlockAttribute() {
        ImmutableNode node = Trees.parse("nopreempt").root().getChildren().get(0);
        assertFalse(Nodes.hasBlock(node));
        assertEquals(Map.of("args", List.of(), "file", "test.conf", "line", 1), node.getAttributes());
        assertNull(node.getValue());
    }

    @Test
    void nodesCarryFileAndLineOfTheirKeyword() {
        ParseResult result = Trees.parse("\n! c\nvirtual_server 198.51.100.1 80\n{\n  real_server 10.0.0.1 80 {\n"
                + "    TCP_CHECK { connect_timeout 3 }\n  }\n}\n");
        ImmutableNode vs = result.root().getChildren().get(0);
        ImmutableNode rs = vs.getChildren().get(0);
        ImmutableNode check = rs.getChildren().get(0);
        ImmutableNode timeout = check.getChildren().get(0);
        assertEquals(List.of("test.conf:3", "test.conf:5", "test.conf:6", "test.conf:6"),
                List.of(Nodes.where(vs), Nodes.where(rs), Nodes.where(check), Nodes.where(timeout)));
    }

    @Test
    void argsAreUnquoted() {
        ImmutableNode node = Trees.parse("notify_master \"/usr/local/bin/vrrp.sh  MASTER  VI_1\" x")
                .root().getChildren().get(0);
        assertEquals(List.of("/usr/local/bin/vrrp.sh  MASTER  VI_1", "x"), Nodes.args(node));
    }

    @Test
    void childrenKeepTheirOrderAndDuplicates() {
        assertEquals("real_server a; real_server b; real_server a",
                Trees.render("real_server a\nreal_server b\nreal_server a"));
    }

    @Test
    void keywordCaseIsKeptAsWritten() {
        assertEquals("SSL_GET {url {digest ABC}}", Trees.render("SSL_GET {\n url {\n  digest ABC\n }\n}"));
    }

    @Test
    void windowsLineEndingsAndAByteOrderMarkAreAccepted() {
        ParseResult result = Trees.parse("\uFEFFglobal_defs {\r\n  router_id r1\r\n}\r\nx\r\n");
        assertEquals("global_defs {router_id r1}; x", Trees.render(result.root()));
        assertEquals("test.conf:4", Nodes.where(result.root().getChildren().get(1)));
    }
}
