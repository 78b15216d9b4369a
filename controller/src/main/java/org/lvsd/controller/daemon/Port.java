package org.lvsd.controller.daemon;

import java.net.InetAddress;

import org.lvsd.vrrp.codec.AddressFamily;

/**
 * One interface, family and multicast group ({@code mcast_dst_ip}): multicast instances there share
 * a transport and a dispatcher.
 */
record Port(String iface, AddressFamily family, InetAddress group) {
}
