package org.lvsd.packaging;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the build put its products and where the packaging sources are (see pom.xml). */
final class Built {

    private Built() {
    }

    /** The packaging module's directory (surefire and failsafe run in it). */
    static Path module() {
        return Path.of("").toAbsolutePath();
    }

    static Path deb() {
        return existing("lvsd.deb");
    }

    static Path dist() {
        return existing("lvsd.dist");
    }

    static Path lib() {
        return existing("lvsd.lib");
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        if (value == null) {
            throw new AssertionError("system property " + property + " is not set; run the tests through Maven");
        }
        Path path = Path.of(value);
        if (!Files.exists(path)) {
            throw new AssertionError(path + " does not exist; the package phase should have made it");
        }
        return path;
    }

    /** Skips the calling test, saying why, when {@code program} is missing. */
    static void assumeProgram(String testName, String program) {
        boolean present = Command.available(program);
        if (!present) {
            System.out.println(testName + " skipped: " + program + " is not installed");
        }
        assumeTrue(present, program + " is not installed");
    }
}
