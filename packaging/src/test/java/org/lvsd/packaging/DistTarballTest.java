package org.lvsd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

/** The tar.gz holds the .deb's files and modes under one top directory (usr/ dropped, etc/ kept). */
class DistTarballTest {

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
