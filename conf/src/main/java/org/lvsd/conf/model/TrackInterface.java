package org.lvsd.conf.model;

/**
 * One {@code track_interface} entry: {@code IF [weight N [reverse]]}.
 *
 * @param name interface name
 * @param weight priority delta, -253..253; 0 means FAULT when down
 * @param reverse whether {@code reverse} was given
 * @param where origin
 */
public record TrackInterface(String name, int weight, boolean reverse, Where where) {
}
