package org.lvsd.conf.model;

import java.util.List;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.syntax.ParseOptions;

/** Reads configuration text the way lvsd does, so model tests can be written as keepalived.conf text. */
final class TestConfigs {

    static final String FILE = "lvsd.conf";

    private TestConfigs() {
    }

    /** Loads {@code text} (syntax and model passes). */
    static ConfigLoader.LoadResult load(String text) {
        return ConfigLoader.load(text, FILE, ParseOptions.defaults());
    }

    /** Builds and returns the model, failing with the diagnostics when there is none. */
    static KeepalivedConfig model(String text) {
        ConfigLoader.LoadResult r = load(text);
        return r.config().orElseThrow(() -> new AssertionError("no model: " + r.diagnostics()));
    }

    /** The diagnostics as {@code file:line: message} strings. */
    static List<String> messages(String text) {
        return load(text).diagnostics().stream().map(Object::toString).toList();
    }
}
