package org.lvsd.vrrp.wire;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;

/** Reads hex values from resources/captured/*.txt (see its README.md). */
final class CapturedFrames {

    private CapturedFrames() {
    }

    static byte[] hex(String file, String key) {
        Map<String, String> fields = new HashMap<>();
        try (InputStream in = CapturedFrames.class.getResourceAsStream("/captured/" + file + ".txt")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    int eq = line.indexOf('=');
                    fields.put(line.substring(0, eq), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return HexFormat.of().parseHex(fields.get(key));
    }
}
