package org.lvsd.conf.syntax;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the reader needs to know about the host it runs on.
 *
 * @param configId the id that {@code @ID} conditional lines are compared with and that
 *     {@code ${_INSTANCE}} expands to (keepalived's {@code -i}/{@code --config-id})
 * @param environment the variables {@code ${_ENV NAME}} reads
 */
public record ParseOptions(String configId, Map<String, String> environment) {

    private static final Path KERNEL_HOSTNAME = Path.of("/proc/sys/kernel/hostname");

    public ParseOptions {
        Objects.requireNonNull(configId, "configId");
        environment = Map.copyOf(environment);
    }

    /**
     * keepalived's defaults: the config id is the host name up to its first dot, the
     * environment is this process's.
     */
    public static ParseOptions defaults() {
        return new ParseOptions(shortHostName(), System.getenv());
    }

    private static String shortHostName() {
        String name;
        try {
            name = Files.readString(KERNEL_HOSTNAME, StandardCharsets.US_ASCII).strip();
        } catch (IOException | SecurityException e) {
            name = "";
        }
        if (name.isEmpty()) {
            try {
                name = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                name = "localhost";
            }
        }
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
