package org.lvsd.conf.syntax;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.lvsd.conf.Diagnostic;

/** Entry points: read a keepalived.conf file, or text, into a {@link ParseResult}. */
public final class ConfigReader {

    private ConfigReader() {
    }

    /**
     * Reads {@code mainFile} and the files it includes. Never throws on bad input: an
     * unreadable main file gives an empty configuration and an ERROR at line 0.
     */
    public static ParseResult read(Path mainFile, ParseOptions options) {
        KeepalivedConfiguration config = new KeepalivedConfiguration(options);
        String text;
        try {
            text = new String(Files.readAllBytes(mainFile), StandardCharsets.UTF_8);
        } catch (IOException e) {
            config.install(new ImmutableNode.Builder().create(),
                    List.of(Diagnostic.error(mainFile.toString(), 0, "cannot read: " + reason(e))), List.of());
            return new ParseResult(config, config.diagnostics());
        }
        config.load(Source.ofFile(mainFile, realPath(mainFile)), text);
        return new ParseResult(config, config.diagnostics());
    }

    /**
     * Reads {@code text} as if it were a file named {@code pretendFileName}; its includes
     * resolve relative to the current directory.
     */
    public static ParseResult read(String text, String pretendFileName, ParseOptions options) {
        KeepalivedConfiguration config = new KeepalivedConfiguration(options);
        config.load(new Source(pretendFileName, Path.of(""), null), text);
        return new ParseResult(config, config.diagnostics());
    }

    /** The file's real path, or null when it cannot be resolved. */
    static Path realPath(Path file) {
        try {
            return file.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    private static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        return e.getMessage();
    }
}
