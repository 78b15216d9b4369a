package org.lvsd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tar.gz holds the .deb's files and modes under one top directory (usr/ dropped, etc/ kept). */
class DistTarballTest {

    @TempDir
    Path dir;

    @Test
    void theUnpackedLauncherFindsItsJarsInShareLvsdLib() {
        boolean installed = Files.exists(Path.of("/usr/share/lvsd/lib"));
        if (installed) {
            System.out.println("DistTarballTest skipped: /usr/share/lvsd/lib exists, the launcher's last resort");
        }
        assumeFalse(installed, "/usr/share/lvsd/lib exists");
        Command.ok("tar", "-xzf", Built.dist().toString(), "-C", dir.toString());
        Path top = dir.resolve("lvsd-" + System.getProperty("lvsd.version"));

        Command.Result r = Command.run("env", "-u", "LVSD_LIB", top.resolve("sbin/lvsd").toString(),
                "-t", "-f", top.resolve("etc/lvsd/lvsd.conf").toString());

        assertEquals(new Command.Result(0, "", ""), r, r.describe());
    }

    @Test
    void theUnpackedLauncherDispatchesTheDemoWhichFindsItsLabAndHelper() {
        Command.ok("tar", "-xzf", Built.dist().toString(), "-C", dir.toString());
        Path top = dir.resolve("lvsd-" + System.getProperty("lvsd.version"));

        // a wrong duration is refused after the demo found lvsd, lvs-lab and lvs-realserver
        Command.Result r = Command.run("env", "-u", "LVSD", "-u", "LVS_LAB", "-u", "LVS_REALSERVER",
                top.resolve("sbin/lvsd").toString(), "demo", "--duration", "5");

        assertEquals(new Command.Result(2, "",
                "usage: lvsd demo [--duration S]   (S: whole seconds, 12..600; default 30)\n"), r, r.describe());
        Command.Result help = Command.run(top.resolve("sbin/lvsd").toString(), "demo", "--help");
        assertEquals(0, help.exitCode(), help.describe());
        assertEquals(true, help.out().contains("demo: failover <ms> ms; requests ok <N> failed <M>;"), help.out());
    }

    @Test
    void theTarballMirrorsTheDebFileForFile() {
        Built.assumeProgram("DistTarballTest", "dpkg-deb");
        Map<String, String> fromDeb = new TreeMap<>();
        for (String line : Command.ok("dpkg-deb", "-c", Built.deb().toString()).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (!f[0].startsWith("d")) {
                fromDeb.put(f[5].replaceFirst("^\\./(usr/)?", ""), f[0]);
            }
        }
        Map<String, String> fromTar = new TreeMap<>();
        for (String line : Command.ok("tar", "-tvzf", Built.dist().toString()).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (!f[0].startsWith("d")) {
                fromTar.put(f[5].replaceFirst("^lvsd-[^/]+/", ""), f[0]);
            }
        }
        assertEquals(fromDeb, fromTar);
    }
}
