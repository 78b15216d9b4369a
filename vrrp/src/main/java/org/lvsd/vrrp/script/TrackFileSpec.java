package org.lvsd.vrrp.script;

import java.nio.file.Path;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One {@code track_file} block: the file and its {@code init_file}. The weight and
 * {@code reverse} belong to the tracker ({@code TrackerSpec.file}), which multiplies the value.
 *
 * @param name      the block name, reported with each value
 * @param file      the watched file
 * @param initValue {@code init_file [VALUE]}: write VALUE (0 when omitted) at start; empty = no init_file
 * @param overwrite {@code init_file ... overwrite}: write it even when the file exists
 */
public record TrackFileSpec(String name, Path file, OptionalLong initValue, boolean overwrite) {

    public TrackFileSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(initValue, "initValue");
        if (overwrite && initValue.isEmpty()) {
            throw new IllegalArgumentException("track_file " + name + ": overwrite needs init_file");
        }
    }

    public static TrackFileSpec of(String name, Path file) {
        return new TrackFileSpec(name, file, OptionalLong.empty(), false);
    }
}
