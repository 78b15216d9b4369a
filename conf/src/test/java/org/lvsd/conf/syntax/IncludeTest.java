package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncludeTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    private ParseResult read(Path main) {
        return ConfigReader.read(main, Trees.OPTIONS);
    }

    @Test
    void includedStatementsReplaceTheIncludeLine() throws IOException {
        Path main = write("keepalived.conf", "a\ninclude conf.d/b.conf\nc\n");
        write("conf.d/b.conf", "b1\nb2 x\n");
        assertEquals("a; b1; b2 x; c", Trees.render(read(main).root()));
    }

    @Test
    void includedNodesKeepTheirOwnFileAndLine() throws IOException {
        Path main = write("keepalived.conf", "vrrp_instance VI_1 {\n  include vi1.conf\n  priority 1\n}\n");
        Path included = write("vi1.conf", "\n  state MASTER\n");
        List<ImmutableNode> children = read(main).root().getChildren().get(0).getChildren();
        assertEquals(List.of(included + ":2", main + ":3"), children.stream().map(Nodes::where).toList());
    }

    @Test
    void relativeIncludesResolveFromTheIncludingFilesDirectory() throws IOException {
        Path main = write("keepalived.conf", "include sub/one.conf\n");
        write("sub/one.conf", "one\ninclude two.conf\n");
        write("sub/two.conf", "two\n");
        write("two.conf", "wrong\n");
        ParseResult result = read(main);
        assertEquals("one; two", Trees.render(result.root()));
        assertEquals(List.of(), result.diagnostics());
    }

    @Test
    void includedFilesAreNamedFromTheMainFilesPathAsGiven() throws IOException {
        write("keepalived.conf", "include sub/one.conf\n");
        write("sub/one.conf", "one\n");
        Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("keepalived.conf"));
        ParseResult result = ConfigReader.read(relative, Trees.OPTIONS);
        assertEquals(relative.resolveSibling("sub/one.conf").toString(),
                Nodes.file(result.root().getChildren().get(0)));
    }

    @Test
    void absoluteIncludePath() throws IOException {
        Path main = write("keepalived.conf", "include " + dir.resolve("abs.conf") + "\n");
        write("abs.conf", "abs\n");
        assertEquals("abs", Trees.render(read(main).root()));
    }

    @Test
    void globMatchesAreIncludedInNameOrder() throws IOException {
        Path main = write("keepalived.conf", "include conf.d/*.conf\n");
        write("conf.d/20-b.conf", "b\n");
        write("conf.d/10-a.conf", "a\n");
        write("conf.d/30-c.conf.disabled", "no\n");
        write("conf.d/.hidden.conf", "hidden\n");
        assertEquals("a; b", Trees.render(read(main).root()));
    }

    @Test
    void globQuestionMarkAndCharacterClasses() throws IOException {
        Path main = write("keepalived.conf", "include v?/[a-b]*.conf\ninclude \"v?/[!a-b]*.conf\" v?/[^a-c]*.conf\n");
        write("v1/a.conf", "a\n");
        write("v2/b.conf", "b\n");
        write("v2/c.conf", "c\n");
        write("v2/d.conf", "d\n");
        write("v10/a.conf", "no\n");
        assertEquals("a; b; c; d; d", Trees.render(read(main).root()));
    }

    @Test
    void braceAlternativesAreIncludedInWrittenOrder() throws IOException {
        Path main = write("keepalived.conf", "include {vs/{web,dns},vrrp}.conf\n");
        write("vrrp.conf", "vrrp\n");
        write("vs/dns.conf", "dns\n");
        write("vs/web.conf", "web\n");
        assertEquals("web; dns; vrrp", Trees.render(read(main).root()));
    }

    @Test
    void quotedIncludePathMayHoldSpaces() throws IOException {
        Path main = write("keepalived.conf", "include \"my dir/x.conf\" # comment\n");
        write("my dir/x.conf", "x\n");
        assertEquals("x", Trees.render(read(main).root()));
    }

    @Test
    void missingIncludeFileIsAWarning() throws IOException {
        Path main = write("keepalived.conf", "a\ninclude nope.conf\nb\n");
        ParseResult result = read(main);
        assertEquals("a; b", Trees.render(result.root()));
        assertEquals(List.of(main + ":2: warning: include file 'nope.conf' does not exist"), Trees.messages(result));
    }

    @Test
    void globMatchingNothingIsAWarning() throws IOException {
        Path main = write("keepalived.conf", "include conf.d/*.conf\n");
        assertEquals(List.of(main + ":1: warning: include pattern 'conf.d/*.conf' matches no file"),
                Trees.messages(read(main)));
    }

    @Test
    void strictIncludeVariantMakesAMissingFileAnError() throws IOException {
        Path main = write("keepalived.conf", "includea nope.conf\n");
        assertEquals(List.of(main + ":1: include file 'nope.conf' does not exist"), Trees.messages(read(main)));
    }

    @Test
    void includeWithoutAFileNameIsAnError() throws IOException {
        Path main = write("keepalived.conf", "include # nothing\n");
        assertEquals(List.of(main + ":1: include needs a file name"), Trees.messages(read(main)));
    }

    @Test
    void includeCycleIsAnErrorNamingTheChain() throws IOException {
        Path main = write("keepalived.conf", "top\ninclude a.conf\n");
        Path a = write("a.conf", "in_a\ninclude b.conf\n");
        Path b = write("b.conf", "in_b\n\ninclude a.conf\n");
        ParseResult result = read(main);
        assertEquals("top; in_a; in_b", Trees.render(result.root()));
        assertEquals(List.of(b + ":3: include cycle: " + a + " -> " + b + " -> " + a), Trees.messages(result));
    }

    @Test
    void fileIncludingItselfIsACycle() throws IOException {
        Path main = write("keepalived.conf", "include keepalived.conf\n");
        assertEquals(List.of(main + ":1: include cycle: " + main + " -> " + main), Trees.messages(read(main)));
    }

    @Test
    void sameFileIncludedTwiceInSequenceIsNotACycle() throws IOException {
        Path main = write("keepalived.conf", "include x.conf\ninclude x.conf\n");
        write("x.conf", "x\n");
        assertEquals("x; x", Trees.render(read(main).root()));
    }

    @Test
    void blockMayOpenInOneFileAndCloseInTheIncludedOne() throws IOException {
        Path main = write("keepalived.conf", "global_defs {\ninclude rest.conf\n");
        write("rest.conf", "router_id r1\n}\n");
        ParseResult result = read(main);
        assertEquals("global_defs {router_id r1}", Trees.render(result.root()));
        assertEquals(List.of(), result.diagnostics());
    }

    @Test
    void parametersDefinedInAnIncludedFileAreVisibleAfterIt() throws IOException {
        Path main = write("keepalived.conf", "include params.conf\npriority $PRIO\n");
        write("params.conf", "$PRIO=150\n");
        assertEquals("priority 150", Trees.render(read(main).root()));
    }

    @Test
    void pwdIsTheDirectoryOfTheIncludedFile() throws IOException {
        Path main = write("keepalived.conf", "include sub/x.conf\nscript ${_PWD}/a.sh\n");
        write("sub/x.conf", "script ${_PWD}/b.sh\n");
        assertEquals("script " + dir.resolve("sub/b.sh") + "; script " + dir.resolve("a.sh"),
                Trees.render(read(main).root()));
    }

    @Test
    void includeBehindAConditionFollowsTheCondition() throws IOException {
        Path main = write("keepalived.conf", "@other include x.conf\n@main include y.conf\n");
        write("x.conf", "x\n");
        write("y.conf", "y\n");
        ParseResult result = read(main);
        assertEquals("y", Trees.render(result.root()));
        assertEquals(List.of(), result.diagnostics());
    }

    @Test
    void includeNamedByAParameter() throws IOException {
        Path main = write("keepalived.conf", "$INC=include\n$INC sub/${_INSTANCE}.conf\n");
        write("sub/main.conf", "for_main\n");
        assertEquals("for_main", Trees.render(read(main).root()));
    }

    @Test
    void includePatternIsSubstituted() throws IOException {
        Path main = write("keepalived.conf", "$DIR=sub\ninclude ${DIR}/*.conf\n");
        write("sub/a.conf", "a\n");
        assertEquals("a", Trees.render(read(main).root()));
    }

    @Test
    void includeGeneratedByALoop() throws IOException {
        Path main = write("keepalived.conf", "~SEQ(I, 1, 2) include part${I}.conf\n");
        write("part1.conf", "one\n");
        write("part2.conf", "two\n");
        assertEquals("one; two", Trees.render(read(main).root()));
    }

    @Test
    void filesListsTheMainFileThenEachIncludedFileOnce() throws IOException {
        Path main = write("keepalived.conf", "include b.conf\ninclude a.conf\ninclude b.conf\ninclude none.conf\n");
        Path a = write("a.conf", "include sub/c.conf\n");
        Path b = write("b.conf", "b\n");
        Path c = write("sub/c.conf", "c\n");
        assertEquals(List.of(main, b, a, c), read(main).config().files());
    }

    @Test
    void textReadWithoutAFileListsNoFiles() {
        assertEquals(List.of(), Trees.parse("k").config().files());
    }
}
