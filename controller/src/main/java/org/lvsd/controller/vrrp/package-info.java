/**
 * Maps the keepalived.conf model ({@code org.lvsd.conf.model}) onto the VRRP engine's parameters:
 * {@code vrrp_instance} to {@code InstanceParams} (RFC 3768 / RFC 5798 fields, keepalived's
 * options), {@code garp_*} to {@code GarpParams}, {@code track_*} and sync-group tracking to
 * {@code TrackerSpec}s. Pure functions, no I/O except the primary-address lookup behind
 * {@link org.lvsd.controller.vrrp.InterfaceAddresses}.
 */
package org.lvsd.controller.vrrp;
