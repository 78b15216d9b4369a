package org.lvsd.packaging;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the lvs-realserver tests share: a namespace of the test's own ({@link #ns}, made by the
 * subclass's {@code @BeforeEach}, deleted after each test), a state directory of its own, and the
 * script run in both.
 */
abstract class RealServerFixture {

    static final String VIP = "198.51.100.100";
    static final String VIP2 = "198.51.100.101";

    @TempDir
    Path state;

    Netns ns;

    @AfterEach
    void cleanUp() {
        if (ns != null) {
            ns.close();
        }
    }

    /** bin/lvs-realserver ARGS in the namespace, with the test's state directory. */
    Command.Result realServer(String... args) {
        List<String> argv = new ArrayList<>(List.of(Built.module().resolve("bin/lvs-realserver").toString()));
        argv.addAll(List.of(args));
        return ns.exec(Map.of("LVS_REALSERVER_STATE", state.toString()), argv.toArray(String[]::new));
    }
}
