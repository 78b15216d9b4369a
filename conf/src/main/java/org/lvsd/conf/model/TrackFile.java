package org.lvsd.conf.model;

import java.util.Optional;

/**
 * {@code track_file NAME { file PATH; weight N [reverse]; init_file [VALUE] [overwrite] }}:
 * a file holding a number, watched for changes.
 *
 * @param name the tracker's name
 * @param file path of the watched file
 * @param weight multiplier of the file's value (default 1)
 * @param reverse whether {@code reverse} was given
 * @param initFile whether to create the file at start
 * @param initValue value written when created (default 0)
 * @param initOverwrite overwrite an existing file at start
 * @param where origin
 */
public record TrackFile(String name, String file, int weight, boolean reverse, boolean initFile,
        Optional<Integer> initValue, boolean initOverwrite, Where where) {
}
