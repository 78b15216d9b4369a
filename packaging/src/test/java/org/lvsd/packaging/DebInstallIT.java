package org.lvsd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the .deb with dpkg into a throw-away root: an overlay over this machine's own
 * root, mounted in a private mount namespace, so dpkg, adduser and the maintainer scripts
 * run for real while every write lands in a temporary directory and nothing is left
 * mounted. /run is an empty tmpfs there, as in a chroot or image build: no systemd runs.
 */
class DebInstallIT {

    private static final String UNIT_LINK = "/etc/systemd/system/multi-user.target.wants/lvsd.service";
    private static final String UNIT_STATE = "/var/lib/systemd/deb-systemd-helper-enabled/lvsd.service.dsh-also";

    @TempDir
    Path work;

    @BeforeEach
    void throwAwayRoot() throws IOException {
        Netns.assumeRoot("DebInstallIT");
        for (String program : List.of("unshare", "chroot", "dpkg")) {
            Built.assumeProgram("DebInstallIT", program);
        }
        for (String dir : List.of("upper", "work", "root")) {
            Files.createDirectory(work.resolve(dir));
        }
        Files.copy(Built.deb(), work.resolve("lvsd.deb"));
        Command.Result probe = inRoot("true");
        if (probe.exitCode() != 0) {
            System.out.println("DebInstallIT skipped: cannot mount an overlay root: " + probe.err());
        }
        assumeTrue(probe.exitCode() == 0, "cannot mount an overlay root");
    }

    @Test
    void installingCreatesTheUserAndTheLauncherChecksTheShippedConfiguration() {
        assertOk(inRoot("dpkg -i /mnt/lvsd.deb"));

        String passwd = assertOk(inRoot("getent passwd lvsd")).strip();
        assertEquals(true, passwd.matches("lvsd:x:\\d{1,3}:\\d{1,3}:lvsd LVS director controller[^:]*:/nonexistent:/usr/sbin/nologin"),
                passwd);
        assertEquals(true, assertOk(inRoot("getent group lvsd")).startsWith("lvsd:x:"));
        assertEquals("install ok installed /etc/lvsd/lvsd.conf",
                assertOk(inRoot("dpkg-query -W -f='${Status}${Conffiles}' lvsd")).replaceAll("\\s+[0-9a-f]{32}$", "")
                        .replace("installed \n ", "installed "));

        Command.Result check = inRoot("env -u LVSD_LIB /usr/sbin/lvsd -t -f /etc/lvsd/lvsd.conf");
        assertEquals(new Command.Result(0, "", ""), check, check.describe());

        // the demo is dispatched and finds /usr/share/lvsd/lab/lvs-lab and /usr/sbin/lvs-realserver
        // before it refuses a duration below its minimum
        Command.Result demo = inRoot("env -u LVSD -u LVS_LAB -u LVS_REALSERVER /usr/sbin/lvsd demo --duration 5");
        assertEquals(new Command.Result(2, "",
                "usage: lvsd demo [--duration S]   (S: whole seconds, 12..600; default 30)\n"), demo, demo.describe());
    }

    @Test
    void aFreshInstallNeitherEnablesNorStartsButRecordsTheUnit() {
        assertOk(inRoot("dpkg -i /mnt/lvsd.deb"));

        assertEquals("absent\n", assertOk(inRoot("test -e " + UNIT_LINK + " && echo present || echo absent")));
        assertEquals("present\n", assertOk(inRoot("test -e " + UNIT_STATE + " && echo present || echo absent")));
    }

    @Test
    void reinstallingIsIdempotentAndKeepsTheAdminsEnablement() {
        assertOk(inRoot("dpkg -i /mnt/lvsd.deb"));
        String passwd = assertOk(inRoot("getent passwd lvsd"));
        assertOk(inRoot("systemctl enable lvsd.service"));

        assertOk(inRoot("dpkg -i /mnt/lvsd.deb"));

        assertEquals(passwd, assertOk(inRoot("getent passwd lvsd")));
        assertEquals("/lib/systemd/system/lvsd.service\n", assertOk(inRoot("readlink " + UNIT_LINK)));
    }

    @Test
    void purgeRemovesFilesConfigurationAndUnitStateButKeepsTheUser() {
        assertOk(inRoot("dpkg -i /mnt/lvsd.deb"));
        assertOk(inRoot("systemctl enable lvsd.service"));

        assertOk(inRoot("dpkg --purge lvsd"));

        for (String path : List.of("/etc/lvsd", "/usr/sbin/lvsd", "/usr/share/lvsd", UNIT_LINK, UNIT_STATE)) {
            assertEquals("absent\n", assertOk(inRoot("test -e " + path + " && echo present || echo absent")), path);
        }
        assertEquals(true, assertOk(inRoot("getent passwd lvsd")).startsWith("lvsd:x:"));
    }

    @Test
    void theInstalledUnitsVerify() {
        Built.assumeProgram("DebInstallIT", "systemd-analyze");
        assertOk(inRoot("dpkg -i /mnt/lvsd.deb"));

        Command.Result r = inRoot("systemd-analyze verify /usr/lib/systemd/system/lvsd.service "
                + "/usr/lib/systemd/system/lvs-realserver@.service");

        assertEquals(new Command.Result(0, "", ""), r, r.describe());
    }

    /** Runs {@code shell} as root of the overlay; {@code work} appears there as /mnt. */
    private Command.Result inRoot(String shell) {
        String mounts = String.join("; ",
                "set -e",
                "mount -t overlay overlay -o lowerdir=/,upperdir=\"$1/upper\",workdir=\"$1/work\" \"$1/root\"",
                "mount --bind /dev \"$1/root/dev\"",
                "mount -t proc proc \"$1/root/proc\"",
                "mount -t tmpfs tmpfs \"$1/root/run\"",
                "mount --bind \"$1\" \"$1/root/mnt\"",
                "exec chroot \"$1/root\" sh -c \"$2\"");
        return Command.run(Map.of(), List.of("unshare", "--mount", "--propagation", "private", "--fork",
                "sh", "-c", mounts, "sh", work.toString(), shell));
    }

    private static String assertOk(Command.Result r) {
        assertEquals(0, r.exitCode(), r.describe());
        return r.out();
    }
}
