package org.lvsd.controller.daemon;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.Diagnostic;
import org.lvsd.conf.model.KeepalivedConfig;
import org.lvsd.conf.syntax.ParseOptions;
import org.lvsd.controller.mapping.ConfigMapper;
import org.lvsd.controller.mapping.MappedConfig;

/**
 * A configuration file read, validated and (when it has {@code virtual_server} blocks) mapped
 * for the LVS half: what the daemon starts from, what a reload checks before changing anything,
 * and what {@code lvsd -t --diff} compares.
 *
 * @param config      the model, present when the file could be read
 * @param mapped      the virtual servers mapped, present when the model has any and could be read
 * @param diagnostics every {@code file:line} diagnostic, reading first, then mapping
 */
public record LoadedConfig(Optional<KeepalivedConfig> config, Optional<MappedConfig> mapped,
                           List<Diagnostic> diagnostics) {

    public LoadedConfig {
        diagnostics = List.copyOf(diagnostics);
    }

    /** Reads, validates and maps {@code file}. */
    public static LoadedConfig load(Path file, ParseOptions parse) {
        ConfigLoader.LoadResult result = ConfigLoader.load(file, parse);
        List<Diagnostic> diagnostics = new ArrayList<>(result.diagnostics());
        Optional<KeepalivedConfig> config = result.config();
        if (result.hasErrors() || config.isEmpty()) {
            return new LoadedConfig(Optional.empty(), Optional.empty(), diagnostics);
        }
        Optional<MappedConfig> mapped = Optional.empty();
        if (!config.get().virtualServers().isEmpty()) {
            MappedConfig m = ConfigMapper.map(config.get());
            diagnostics.addAll(m.diagnostics());
            mapped = Optional.of(m);
        }
        return new LoadedConfig(config, mapped, diagnostics);
    }

    /** Whether it must not run: unreadable, or an error reading or mapping it. */
    public boolean hasErrors() {
        return config.isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /** The errors only. */
    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }
}
