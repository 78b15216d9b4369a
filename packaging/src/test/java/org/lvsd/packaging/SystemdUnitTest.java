package org.lvsd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * systemd-analyze verify accepts both units without a warning. Its check that the Exec
 * programs exist would fail before installation, so the copies verified here point at the
 * launchers in packaging/bin; DebInstallIT verifies the installed units as shipped.
 */
class SystemdUnitTest {

    @TempDir
    Path dir;

    @Test
    void bothUnitsVerifyWithoutAWarning() throws IOException {
        Built.assumeProgram("SystemdUnitTest", "systemd-analyze");
        String bin = Built.module().resolve("bin").toString() + "/";
        Path daemon = copyPointingAt("lvsd.service", bin);
        Path realServer = copyPointingAt("lvs-realserver@.service", bin);

        Command.Result r = Command.run("systemd-analyze", "verify", "--man=no",
                daemon.toString(), realServer.toString());

        assertEquals(new Command.Result(0, "", ""), r, r.describe());
    }

    @Test
    void verifyReportsAnUnknownSetting() throws IOException {
        Built.assumeProgram("SystemdUnitTest", "systemd-analyze");
        Path unit = copyPointingAt("lvsd.service", Built.module().resolve("bin") + "/");
        Files.writeString(unit, Files.readString(unit).replace("NoNewPrivileges=yes", "NoNewPrivilege=yes"));

        Command.Result r = Command.run("systemd-analyze", "verify", "--man=no", unit.toString());

        assertEquals(true, r.err().contains("Unknown key 'NoNewPrivilege'"), r.describe());
    }

    private Path copyPointingAt(String unit, String bin) throws IOException {
        String text = Files.readString(Built.module().resolve("systemd").resolve(unit));
        return Files.writeString(dir.resolve(unit), text.replace("/usr/sbin/", bin));
    }
}
