package org.lvsd.packaging;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough of systemd.syntax(7) to read a unit's settings back: key → values in order. */
final class UnitFile {

    private UnitFile() {
    }

    static Map<String, List<String>> section(String text, String name) {
        Map<String, List<String>> settings = new LinkedHashMap<>();
        String current = null;
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = line.substring(1, line.length() - 1);
            } else if (name.equals(current)) {
                int eq = line.indexOf('=');
                settings.computeIfAbsent(line.substring(0, eq).strip(), k -> new ArrayList<>())
                        .add(line.substring(eq + 1).strip());
            }
        }
        return settings;
    }
}
