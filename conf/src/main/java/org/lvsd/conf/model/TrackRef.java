package org.lvsd.conf.model;

import java.util.Optional;

/**
 * One {@code track_script} or {@code track_file} entry: {@code NAME [weight N] [reverse|noreverse]}.
 *
 * @param name the tracked object's name
 * @param weight weight overriding the object's own, if given
 * @param reverse whether {@code reverse} was given (noreverse gives false)
 * @param where origin
 */
public record TrackRef(String name, Optional<Integer> weight, boolean reverse, Where where) {
}
