package org.lvsd.controller.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class OptionsTest {

    @Test
    void defaultsReadTheSystemConfigAndRunNothingSpecial() throws Exception {
        Options o = Options.parse();
        assertEquals(Path.of("/etc/lvsd/lvsd.conf"), o.configFile());
        assertFalse(o.configTest());
        assertFalse(o.dumpConfig());
        assertEquals(Optional.empty(), o.configId());
    }

    @Test
    void keepalivedShortOptionsAreUnderstood() throws Exception {
        Options o = Options.parse("-n", "-l", "-D", "-f", "/tmp/k.conf", "-t", "-i", "dir1");
        assertEquals(new Options(Path.of("/tmp/k.conf"), true, false, false, true, true, true,
                Optional.of("dir1"), false, false), o);
    }

    @Test
    void longOptionsTakeInlineValues() throws Exception {
        Options o = Options.parse("--use-file=/tmp/a.conf", "--config-id=dir2", "--config-test", "--dump-config");
        assertEquals(Path.of("/tmp/a.conf"), o.configFile());
        assertEquals(Optional.of("dir2"), o.configId());
        assertTrue(o.configTest());
        assertTrue(o.dumpConfig());
    }

    @Test
    void unknownOptionIsNamed() {
        var e = assertThrows(Options.UsageException.class, () -> Options.parse("-t", "--frobnicate"));
        assertEquals("unknown option '--frobnicate'", e.getMessage());
    }

    @Test
    void missingValueIsNamed() {
        var e = assertThrows(Options.UsageException.class, () -> Options.parse("-f"));
        assertEquals("option '-f' needs a value", e.getMessage());
    }

    @Test
    void flagWithInlineValueIsRefused() {
        var e = assertThrows(Options.UsageException.class, () -> Options.parse("--config-test=yes"));
        assertEquals("option '--config-test' takes no value", e.getMessage());
    }

    @Test
    void diffGoesWithConfigTestOnly() throws Exception {
        assertTrue(Options.parse("-t", "--diff", "-f", "/tmp/a.conf").diff());
        var e = assertThrows(Options.UsageException.class, () -> Options.parse("--diff"));
        assertEquals("--diff needs -t", e.getMessage());
    }
}
