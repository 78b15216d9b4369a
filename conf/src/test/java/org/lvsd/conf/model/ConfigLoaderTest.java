package org.lvsd.conf.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lvsd.conf.ConfigLoader;
import org.lvsd.conf.syntax.ParseOptions;

/** The facade: file loading with includes, and syntax and model diagnostics together. */
class ConfigLoaderTest {

    @Test
    void loadsAFileWithIncludesAndNamesTheIncludedFileInMessages(@TempDir Path dir) throws IOException {
        Path main = dir.resolve("lvsd.conf");
        Path inc = dir.resolve("vi.conf");
        Files.writeString(main, "global_defs {\n  router_id r1\n}\ninclude vi.conf\n");
        Files.writeString(inc, "vrrp_instance VI_1 {\n  interface eth0\n  virtual_router_id 7\n  prio 5\n"
                + "  virtual_ipaddress { 192.0.2.7 }\n}\n");
        ConfigLoader.LoadResult r = ConfigLoader.load(main, ParseOptions.defaults());
        assertEquals(List.of(inc + ":4: warning: unknown keyword 'prio' ignored"),
                r.diagnostics().stream().map(Object::toString).toList());
        KeepalivedConfig c = r.config().orElseThrow();
        assertEquals(Optional.of("r1"), c.global().routerId());
        assertEquals(new Where(inc.toString(), 1), c.instances().get("VI_1").where());
    }

    @Test
    void missingFileIsAnErrorWithoutModel(@TempDir Path dir) {
        ConfigLoader.LoadResult r = ConfigLoader.load(dir.resolve("absent.conf"), ParseOptions.defaults());
        assertEquals(true, r.hasErrors());
        assertEquals(Optional.empty(), r.config());
    }

    @Test
    void modelErrorsAloneAlsoWithholdTheModel() {
        ConfigLoader.LoadResult r = ConfigLoader.load("vrrp_instance A {\n}\n", "x.conf", ParseOptions.defaults());
        assertEquals(List.of("x.conf:1: (A) missing virtual_router_id",
                "x.conf:1: (A) missing interface (required unless unicast_peer is given)"),
                r.diagnostics().stream().filter(org.lvsd.conf.Diagnostic::isError).map(Object::toString).toList());
        assertEquals(Optional.empty(), r.config());
    }
}
