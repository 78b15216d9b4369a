package org.lvsd.controller.mapping;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.Diagnostic;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.syntax.ParseOptions;

/** Test configurations: keepalived.conf text loaded as {@code lvsd.conf} and mapped. */
final class Configs {

    private Configs() {
    }

    /** The model of {@code text}, which must load without errors. */
    static KeepalivedConfig model(String text) {
        ConfigLoader.LoadResult r = ConfigLoader.load(text, "lvsd.conf", new ParseOptions("dir1", Map.of()));
        assertEquals(List.of(), r.diagnostics().stream().filter(Diagnostic::isError).map(Diagnostic::toString)
                .toList());
        return r.config().orElseThrow();
    }

    static MappedConfig map(String text) {
        return ConfigMapper.map(model(text));
    }

    /** The rendered diagnostics of mapping {@code text}. */
    static List<String> messages(String text) {
        return map(text).diagnostics().stream().map(Diagnostic::toString).toList();
    }

    static InetAddress ip(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
