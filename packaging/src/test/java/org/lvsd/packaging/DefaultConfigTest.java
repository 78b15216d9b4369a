package org.lvsd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped /etc/lvsd/lvsd.conf passes lvsd -t, run through the launcher as users run it. */
class DefaultConfigTest {

    @TempDir
    Path dir;

    @Test
    void theShippedConfigurationIsValid() {
        Command.Result r = lvsdTest(Built.module().resolve("conf/lvsd.conf"), "dir1");
        assertEquals(new Command.Result(0, "", ""), r, r.describe());
    }

    @Test
    void itsCommentedSkeletonIsValidOnBothDirectorsOnceUncommented() throws IOException {
        Path skeleton = Files.writeString(dir.resolve("skeleton.conf"), uncommentedSkeleton());
        for (String director : List.of("dir1", "dir2")) {
            Command.Result r = lvsdTest(skeleton, director);
            assertEquals(new Command.Result(0, "", ""), r, director + ": " + r.describe());
        }
    }

    @Test
    void theCheckRejectsABrokenSkeleton() throws IOException {
        String broken = uncommentedSkeleton().replace("virtual_router_id 51", "virtual_router_id 300");
        Path file = Files.writeString(dir.resolve("broken.conf"), broken);
        Command.Result r = lvsdTest(file, "dir1");
        assertEquals(1, r.exitCode(), r.describe());
        assertEquals(file + ":11: virtual_router_id 300 out of range 1..255\n" + file + ": 1 error\n", r.err());
    }

    /** The "! " commented lines after global_defs, with the comment marks taken off. */
    private static String uncommentedSkeleton() throws IOException {
        List<String> lines = Files.readAllLines(Built.module().resolve("conf/lvsd.conf"));
        int start = lines.indexOf("global_defs {");
        String skeleton = lines.subList(start, lines.size()).stream()
                .map(line -> line.replaceFirst("^! ?", ""))
                .collect(Collectors.joining("\n", "", "\n"));
        assertEquals(true, skeleton.contains("virtual_server 192.0.2.100 80 {"), skeleton);
        return skeleton;
    }

    private static Command.Result lvsdTest(Path config, String configId) {
        return Command.run(Map.of("LVSD_LIB", Built.lib().toString()),
                List.of(Built.module().resolve("bin/lvsd").toString(), "-t", "-i", configId, "-f", config.toString()));
    }
}
