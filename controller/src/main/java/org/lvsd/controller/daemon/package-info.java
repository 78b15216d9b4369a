/**
 * The lvsd daemon's VRRP part: reads the configuration, runs every {@code vrrp_instance} on real
 * interfaces (one single-threaded loop per interface, a pcap transport per interface and family,
 * VIPs through rtnetlink), logs every transition, and stops cleanly on SIGTERM / SIGINT
 * (RFC 5798 §6.4.3 Shutdown: priority-0 advert, then VIPs removed). keepalived reference §4.2
 * for the signals.
 */
package org.lvsd.controller.daemon;
