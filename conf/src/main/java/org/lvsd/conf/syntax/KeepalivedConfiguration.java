package org.lvsd.conf.syntax;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.io.Writer;
import java.net.URL;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.apache.commons.configuration2.BaseHierarchicalConfiguration;
import org.apache.commons.configuration2.FileBasedConfiguration;
import org.apache.commons.configuration2.io.FileLocator;
import org.apache.commons.configuration2.io.FileLocatorAware;
import org.apache.commons.configuration2.io.FileLocatorUtils;
import org.apache.commons.configuration2.tree.ImmutableNode;
import org.lvsd.conf.Diagnostic;

/**
 * A keepalived.conf file as a Commons Configuration hierarchical configuration.
 *
 * <p>{@link #read(Reader)} never throws on bad configuration text: it builds whatever tree
 * it can and keeps every problem in {@link #diagnostics()}. Each top-level statement is a
 * child of {@link #root()}; see {@link Nodes} for the attributes each node carries. When a
 * {@link org.apache.commons.configuration2.io.FileHandler} or a builder loads the file, the
 * {@link FileLocator} it passes to {@link #initFileLocator(FileLocator)} makes relative
 * includes and {@code ${_PWD}} resolve from the file's directory.
 */
public class KeepalivedConfiguration extends BaseHierarchicalConfiguration
        implements FileBasedConfiguration, FileLocatorAware {

    /** The file name used when text is read without a file locator. */
    public static final String UNNAMED = "<input>";

    private final ParseOptions options;
    private FileLocator locator;
    private List<Diagnostic> diagnostics = List.of();
    private List<Path> files = List.of();

    /** A configuration read with {@link ParseOptions#defaults()}; builders use this one. */
    public KeepalivedConfiguration() {
        this(ParseOptions.defaults());
    }

    public KeepalivedConfiguration(ParseOptions options) {
        this.options = Objects.requireNonNull(options, "options");
    }

    @Override
    public void initFileLocator(FileLocator fileLocator) {
        this.locator = fileLocator;
    }

    /** Parses keepalived.conf text, replacing the current content and diagnostics. */
    @Override
    public void read(Reader in) throws IOException {
        StringWriter text = new StringWriter();
        in.transferTo(text);
        load(locatedSource(), text.toString());
    }

    /** Writes the tree as normalised keepalived.conf text that reads back to the same tree. */
    @Override
    public void write(Writer out) throws IOException {
        ConfigWriter.write(root(), out);
    }

    /** The root node; its children are the top-level statements in order. */
    public ImmutableNode root() {
        return getNodeModel().getNodeHandler().getRootNode();
    }

    /** The problems found by the last read, in the order found. */
    public List<Diagnostic> diagnostics() {
        return diagnostics;
    }

    /**
     * Every file the last read opened: the main file (when read from a file) and then each
     * included file in the order first read, named as in diagnostics. A reload watcher
     * should check all of them, not only the main file.
     */
    public List<Path> files() {
        return files;
    }

    void load(Source source, String text) {
        Parser.Outcome outcome = Parser.parse(source, text, options);
        install(outcome.root(), outcome.diagnostics(), outcome.files());
    }

    void install(ImmutableNode root, List<Diagnostic> found, List<Path> read) {
        beginWrite(false);
        try {
            getNodeModel().setRootNode(root);
            diagnostics = List.copyOf(found);
            files = List.copyOf(read);
        } finally {
            endWrite();
        }
    }

    /** The file the locator names, or an unnamed source resolving from the current directory. */
    private Source locatedSource() {
        URL url = locator == null ? null : locator.getSourceURL();
        if (url == null) {
            return new Source(UNNAMED, Path.of(""), null);
        }
        if (!"file".equals(url.getProtocol())) {
            return new Source(url.toString(), Path.of(""), null);
        }
        Path file = FileLocatorUtils.fileFromURL(url).toPath();
        return Source.ofFile(file, ConfigReader.realPath(file));
    }
}
