package org.lvsd.healthcheck.spec;

import java.nio.file.Path;
import java.util.Objects;

/**
 * FILE_CHECK ({@code track_file}). The file holds one integer v.
 *
 * <ul>
 *   <li>Without {@code dynamic}: v = 0 is up, any other value is down.</li>
 *   <li>With {@code dynamic}: the checker is up and adds v × {@code weight} to the real server's
 *       weight ({@code reverse} negates it); the effective weight never drops below 0.</li>
 *   <li>A missing or unparsable file is down.</li>
 * </ul>
 */
public record FileCheckSpec(CheckTiming timing, Path trackFile, int weight, boolean reverse,
                            boolean dynamic) implements CheckerSpec {

    public FileCheckSpec {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(trackFile, "trackFile");
    }

    @Override
    public String kind() {
        return "FILE_CHECK";
    }
}
