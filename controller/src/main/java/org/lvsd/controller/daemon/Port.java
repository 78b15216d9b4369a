package org.lvsd.controller.daemon;

import org.lvsd.vrrp.codec.AddressFamily;

/** One interface and family: multicast instances there share a pcap transport and a dispatcher. */
record Port(String iface, AddressFamily family) {
}
