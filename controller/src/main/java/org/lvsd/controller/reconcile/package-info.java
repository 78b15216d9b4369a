/**
 * Keeps the IPVS table true: the desired table (mapped configuration × health pool membership ×
 * operator drains) is diffed against the driver's listing and the difference is applied as one
 * batch of ipvsadm(8)-equivalent commands ({@code -A/-E/-D} for services, {@code -a/-e/-d} for
 * destinations).
 *
 * <p>Rules taken from keepalived (keepalived.conf(5) "virtual_server"; its checker behaviour):
 * a failed real server leaves the table, or stays at weight 0 with {@code inhibit_on_failure}; when
 * the quorum is lost the {@code sorry_server} replaces the pool (at weight 0 while unused with
 * {@code sorry_server_inhibit}); a reload edits changed services instead of recreating them. Where
 * lvsd differs: services lvsd did not create are never touched (unless {@code lvs_flush} asks for a
 * clean table at start), and a periodic reconcile restores entries someone else changed or removed
 * (for example with {@code ipvsadm -C}), counting each such change as a repair.
 */
package org.lvsd.controller.reconcile;
