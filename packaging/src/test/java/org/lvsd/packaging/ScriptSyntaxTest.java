package org.lvsd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The POSIX sh scripts parse under dash, Debian's /bin/sh, which has no bash extensions. */
class ScriptSyntaxTest {

    @Test
    void everyShellScriptParsesUnderDash() {
        Built.assumeProgram("ScriptSyntaxTest", "dash");
        for (String script : List.of("bin/lvsd", "bin/lvs-realserver", "deb/control/postinst",
                "deb/control/prerm", "deb/control/postrm")) {
            Command.Result r = Command.run("dash", "-n", Built.module().resolve(script).toString());
            assertEquals(new Command.Result(0, "", ""), r, script + ": " + r.describe());
        }
    }

    @Test
    void theBashScriptsParse() {
        Built.assumeProgram("ScriptSyntaxTest", "bash");
        for (String script : List.of("demo/lvsd-demo", "lab/lvs-lab")) {
            Command.Result r = Command.run("bash", "-n", Built.module().resolve(script).toString());
            assertEquals(new Command.Result(0, "", ""), r, script + ": " + r.describe());
        }
    }
}
