/**
 * Trackers and the effective priority: the states of tracked interfaces, scripts (with
 * rise/fall hysteresis and {@code init_fail}) and files, folded into the priority an
 * instance advertises (RFC 5798 §6.1 Priority, adjusted as keepalived does) and into the
 * tracker-caused FAULT condition.
 *
 * <p>Rules (keepalived reference §1.4, §2.13, §2.14): a positive weight is added while its
 * object is up, a negative one while it is down, {@code reverse} swaps up and down; weight
 * 0 means FAULT while down; a script that has not reported yet counts as down for weight 0;
 * the sum is clamped to 1..254 and an address owner (255, RFC 5798 §5.2.4) never changes.
 * {@link org.lvsd.vrrp.track.LinkDebounce} damps link flaps before they reach a tracker.
 */
package org.lvsd.vrrp.track;
