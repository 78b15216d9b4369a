package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.List;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.junit.jupiter.api.Test;

class RoundTripTest {

    private static String write(ParseResult result) throws IOException {
        return Trees.written(result);
    }

    @Test
    void writesNormalisedSyntax() throws IOException {
        ParseResult result = Trees.parse("global_defs { router_id LVS_1 } # c\nvrrp_instance VI_1\n{\n"
                + "  virtual_ipaddress { 198.51.100.100/24 dev eth0 }\n  track_script {\n  }\n}\n");
        assertEquals("global_defs {\n    router_id LVS_1\n}\nvrrp_instance VI_1 {\n    virtual_ipaddress {\n"
                + "        198.51.100.100/24 dev eth0\n    }\n    track_script {\n    }\n}\n", write(result));
    }

    @Test
    void quotesOnlyWordsThatNeedIt() throws IOException {
        ParseResult result = Trees.parse("notify \"/bin/n.sh MASTER\" plain 'a\"b' \"\" \"x#y\" \"{\" \"$HOME\"");
        assertEquals("notify \"/bin/n.sh MASTER\" plain \"a\\\"b\" \"\" \"x#y\" \"{\" \"\\044HOME\"\n", write(result));
    }

    @Test
    void writtenTextReadsBackToTheSameTree() throws IOException {
        String text = "$P=7\nglobal_defs { router_id r$P }\nvirtual_server 198.51.100.1 80 {\n lb_algo rr\n"
                + " real_server 10.0.0.1 80 { weight ${P}\n HTTP_GET { url { path \"/a b\" status_code 200 } } }\n"
                + " notify_up \"/bin/x 'q' \\\"d\\\" \\\\ tab\\there\\nnl ${_HASH}${_BANG} $$ $1 ${P}\"\n}\n"
                + "\"@main\" \"~SEQ(a,1)\" \"include\" \"$X=1\" \"\\001\\177\" \"\u00e9t\u00e9\"\nempty {\n}\n";
        ParseResult first = Trees.parse(text);
        assertEquals(List.of(), first.diagnostics());
        ParseResult second = Trees.parse(write(first));
        assertEquals(List.of(), second.diagnostics());
        assertEquals(Trees.shape(first.root()), Trees.shape(second.root()));
        assertEquals(write(first), write(second));
    }

    @Test
    void roundTripKeepsSpecialCharactersInArgs() throws IOException {
        ParseResult first = Trees.parse("k \"a\\tb\\nc\\\\d\\\"e $X ${Y} #!{}\"");
        ImmutableNode node = Trees.parse(write(first)).root().getChildren().get(0);
        assertEquals(List.of("a\tb\nc\\d\"e $X ${Y} #!{}"), Nodes.args(node));
    }
}
