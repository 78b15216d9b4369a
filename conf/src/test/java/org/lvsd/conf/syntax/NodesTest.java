package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.junit.jupiter.api.Test;

class NodesTest {

    private final ImmutableNode node = Trees.parse("\n\nvirtual_server 198.51.100.1 80 {\n}").root().getChildren().get(0);

    @Test
    void readsEveryAttribute() {
        assertEquals(List.of("198.51.100.1", "80"), Nodes.args(node));
        assertEquals("80", Nodes.arg(node, 1));
        assertEquals("test.conf", Nodes.file(node));
        assertEquals(3, Nodes.line(node));
        assertTrue(Nodes.hasBlock(node));
        assertEquals("test.conf:3", Nodes.where(node));
    }

    @Test
    void argOutOfRangeIsNull() {
        assertNull(Nodes.arg(node, 2));
        assertNull(Nodes.arg(node, -1));
    }

    @Test
    void nodeWithoutAttributesReadsAsEmpty() {
        ImmutableNode bare = new ImmutableNode.Builder().name("x").create();
        assertEquals(List.of(), Nodes.args(bare));
        assertNull(Nodes.file(bare));
        assertEquals(0, Nodes.line(bare));
        assertFalse(Nodes.hasBlock(bare));
    }
}
