package org.lvsd.conf.syntax;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.configuration2.ex.ConfigurationException;
import org.apache.commons.configuration2.io.FileHandler;
import org.apache.commons.configuration2.io.FileLocatorUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeepalivedConfigurationTest {

    @TempDir
    Path dir;

    @Test
    void fileHandlerLoadResolvesIncludesFromTheFilesDirectory() throws IOException, ConfigurationException {
        Path main = Files.writeString(dir.resolve("keepalived.conf"), "global_defs {\n include g.conf\n}\n");
        Files.writeString(dir.resolve("g.conf"), "router_id r1\n");
        KeepalivedConfiguration config = new KeepalivedConfiguration(Trees.OPTIONS);
        new FileHandler(config).load(main.toFile());
        assertEquals("global_defs {router_id r1}", Trees.render(config.root()));
        assertEquals(List.of(), config.diagnostics());
        assertEquals(main.toString(), Nodes.file(config.root().getChildren().get(0)));
    }

    @Test
    void nonFileLocationIsNamedByItsUrl() throws IOException {
        KeepalivedConfiguration config = new KeepalivedConfiguration(Trees.OPTIONS);
        config.initFileLocator(FileLocatorUtils.fileLocator()
                .sourceURL(URI.create("http://config.example/keepalived.conf").toURL()).create());
        config.read(new StringReader("\nk\n"));
        assertEquals("http://config.example/keepalived.conf:2", Nodes.where(config.root().getChildren().get(0)));
    }

    @Test
    void publicNoArgConstructorReadsWithDefaultOptions() throws ReflectiveOperationException, IOException {
        KeepalivedConfiguration config = KeepalivedConfiguration.class.getConstructor().newInstance();
        config.read(new StringReader("@" + ParseOptions.defaults().configId() + " router_id here\n"));
        assertEquals("router_id here", Trees.render(config.root()));
    }

    @Test
    void hierarchicalKeysAddressStatements() throws IOException {
        KeepalivedConfiguration config = new KeepalivedConfiguration(Trees.OPTIONS);
        config.read(new StringReader("virtual_server a {\n real_server x\n real_server y\n}\nvirtual_server b {\n}\n"));
        assertEquals(2, config.configurationsAt("virtual_server").size());
        assertEquals(List.of("y"), Nodes.args(config.configurationsAt("virtual_server(0).real_server").get(1)
                .getNodeModel().getNodeHandler().getRootNode()));
    }

    @Test
    void readWithoutALocatorNamesTheInputAndResolvesFromTheCurrentDirectory() throws IOException {
        KeepalivedConfiguration config = new KeepalivedConfiguration(Trees.OPTIONS);
        config.read(new StringReader("a {\n"));
        assertEquals(List.of("<input>:1: '{' opened here for 'a' is never closed"), Trees.messages(
                new ParseResult(config, config.diagnostics())));
    }

    @Test
    void readReplacesPreviousContent() throws IOException {
        KeepalivedConfiguration config = new KeepalivedConfiguration(Trees.OPTIONS);
        config.read(new StringReader("a\n}\n"));
        config.read(new StringReader("b\n"));
        assertEquals("b", Trees.render(config.root()));
        assertEquals(List.of(), config.diagnostics());
    }
}
