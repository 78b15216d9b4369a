package org.lvsd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The .deb holds exactly the files, modes and control data the packaging issue lists. */
class DebContentsTest {

    private static Path deb;

    @BeforeAll
    static void needDpkgDeb() {
        Built.assumeProgram("DebContentsTest", "dpkg-deb");
        deb = Built.deb();
    }

    @Test
    void everyFileOtherThanTheJarsHasItsPathModeAndOwner() {
        Map<String, String> expected = new TreeMap<>();
        for (String dir : List.of("/etc/", "/etc/lvsd/", "/usr/", "/usr/lib/", "/usr/lib/systemd/",
                "/usr/lib/systemd/system/", "/usr/sbin/", "/usr/share/", "/usr/share/doc/",
                "/usr/share/doc/lvsd/", "/usr/share/doc/lvsd/examples/", "/usr/share/lvsd/",
                "/usr/share/lvsd/demo/", "/usr/share/lvsd/grafana/", "/usr/share/lvsd/lab/", "/usr/share/lvsd/lib/",
                "/usr/share/lvsd/prometheus/", "/usr/share/man/", "/usr/share/man/man5/",
                "/usr/share/man/man8/")) {
            expected.put(dir, "drwxr-xr-x root/root");
        }
        for (String program : List.of("lvsd", "lvsctl", "lvs-realserver")) {
            expected.put("/usr/sbin/" + program, "-rwxr-xr-x root/root");
        }
        for (String script : List.of("/usr/share/lvsd/demo/lvsd-demo", "/usr/share/lvsd/lab/lvs-lab")) {
            expected.put(script, "-rwxr-xr-x root/root");
        }
        for (String file : List.of("/etc/lvsd/lvsd.conf", "/usr/lib/systemd/system/lvsd.service",
                "/usr/lib/systemd/system/lvs-realserver@.service",
                "/usr/share/lvsd/60-lvsd-director.conf", "/usr/share/lvsd/grafana/lvsd.json",
                "/usr/share/lvsd/prometheus/lvsd-alerts.yml", "/usr/share/man/man8/lvsd.8.gz",
                "/usr/share/man/man8/lvsctl.8.gz", "/usr/share/man/man8/lvs-realserver.8.gz",
                "/usr/share/man/man5/lvsd.conf.5.gz")) {
            expected.put(file, "-rw-r--r-- root/root");
        }
        for (String example : List.of("fwmark", "lvs-dr", "lvs-nat", "lvs-tun", "pcc", "persistence", "ppc")) {
            expected.put("/usr/share/doc/lvsd/examples/" + example + ".conf", "-rw-r--r-- root/root");
        }

        Map<String, String> actual = new TreeMap<>(entries());
        actual.keySet().removeIf(path -> path.startsWith("/usr/share/lvsd/lib/") && path.endsWith(".jar"));
        assertEquals(expected, actual);
    }

    @Test
    void theLibDirectoryHoldsExactlyTheLauncherJarsReadableByAll() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> jars = Files.list(Built.lib())) {
            jars.forEach(jar -> expected.put("/usr/share/lvsd/lib/" + jar.getFileName(), "-rw-r--r-- root/root"));
        }
        Map<String, String> actual = new TreeMap<>(entries());
        actual.keySet().removeIf(path -> !(path.startsWith("/usr/share/lvsd/lib/") && path.endsWith(".jar")));
        assertEquals(expected, actual);
        assertEquals(true, expected.keySet().stream().anyMatch(p -> p.contains("/lvsd-controller-")),
                "the controller jar is among them");
    }

    @Test
    void theConfigurationIsTheOnlyConffile() {
        assertEquals("/etc/lvsd/lvsd.conf\n", Command.ok("dpkg-deb", "-I", deb.toString(), "conffiles"));
    }

    @Test
    void controlFieldsNameThePackageAndItsDependencies() {
        assertEquals("lvsd", field("Package"));
        assertEquals("all", field("Architecture"));
        assertEquals("net", field("Section"));
        assertEquals("default-jre-headless (>= 2:1.17) | java17-runtime-headless, libpcap0.8, adduser, iproute2",
                field("Depends"));
        assertEquals("ipvsadm", field("Recommends"));
    }

    @Test
    void theMaintainerScriptsAreExecutableAndPosixShell() {
        for (String script : List.of("postinst", "prerm", "postrm")) {
            String text = Command.ok("dpkg-deb", "-I", deb.toString(), script);
            assertEquals("#!/bin/sh", text.lines().findFirst().orElseThrow(), script);
        }
        String info = Command.ok("dpkg-deb", "-I", deb.toString());
        for (String script : List.of("postinst", "prerm", "postrm")) {
            assertEquals(true, info.lines().anyMatch(l -> l.matches("\\s+\\d+ bytes,\\s+\\d+ lines\\s+\\*\\s+" + script + "\\s.*")),
                    script + " is marked executable in:\n" + info);
        }
    }

    @Test
    void theUnitFilesAreShippedUnchanged() throws IOException {
        for (String unit : List.of("lvsd.service", "lvs-realserver@.service")) {
            assertEquals(Files.readString(Built.module().resolve("systemd").resolve(unit)),
                    fileInDeb("./usr/lib/systemd/system/" + unit), unit);
        }
    }

    @Test
    void theDaemonUnitIsANotifyServiceWithOnlyTheNetworkCapabilities() throws IOException {
        Map<String, List<String>> service = UnitFile.section(
                fileInDeb("./usr/lib/systemd/system/lvsd.service"), "Service");
        assertEquals(List.of("notify"), service.get("Type"));
        assertEquals(List.of("/usr/sbin/lvsd -n -f /etc/lvsd/lvsd.conf"), service.get("ExecStart"));
        assertEquals(List.of("/bin/kill -HUP $MAINPID"), service.get("ExecReload"));
        assertEquals(List.of("lvsd"), service.get("User"));
        assertEquals(List.of("CAP_NET_ADMIN CAP_NET_RAW"), service.get("AmbientCapabilities"));
        assertEquals(List.of("CAP_NET_ADMIN CAP_NET_RAW"), service.get("CapabilityBoundingSet"));
        assertEquals(List.of("yes"), service.get("NoNewPrivileges"));
        assertEquals(List.of("strict"), service.get("ProtectSystem"));
        assertEquals(List.of("lvsd"), service.get("RuntimeDirectory"));
        assertEquals(List.of("AF_UNIX AF_INET AF_INET6 AF_NETLINK AF_PACKET"), service.get("RestrictAddressFamilies"));
        assertEquals(null, service.get("PrivateNetwork"), "lvsd must see the host's interfaces");
        assertEquals(null, service.get("MemoryDenyWriteExecute"), "the JIT needs W+X memory");
    }

    @Test
    void theRealServerTemplateIsAOneshotPerVip() throws IOException {
        Map<String, List<String>> service = UnitFile.section(
                fileInDeb("./usr/lib/systemd/system/lvs-realserver@.service"), "Service");
        assertEquals(List.of("oneshot"), service.get("Type"));
        assertEquals(List.of("yes"), service.get("RemainAfterExit"));
        assertEquals(List.of("/usr/sbin/lvs-realserver start %i"), service.get("ExecStart"));
        assertEquals(List.of("/usr/sbin/lvs-realserver stop %i"), service.get("ExecStop"));
    }

    /** path → "mode owner/group", paths made absolute ("./etc/" becomes "/etc/"). */
    private static Map<String, String> entries() {
        Map<String, String> entries = new TreeMap<>();
        List<String> unexpected = new ArrayList<>();
        for (String line : Command.ok("dpkg-deb", "-c", deb.toString()).split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length != 6 || !f[5].startsWith("./")) {
                unexpected.add(line);
                continue;
            }
            entries.put(f[5].substring(1), f[0] + " " + f[1]);
        }
        assertEquals(List.of(), unexpected, "lines of dpkg-deb -c other than plain entries");
        return entries;
    }

    private static String fileInDeb(String member) throws IOException {
        Path dir = Files.createTempDirectory("lvsd-deb");
        try {
            Command.ok("dpkg-deb", "-x", deb.toString(), dir.toString());
            return Files.readString(dir.resolve(member));
        } finally {
            Command.ok("rm", "-rf", dir.toString());
        }
    }

    private static String field(String name) {
        return Command.ok("dpkg-deb", "-f", deb.toString(), name).strip();
    }
}
