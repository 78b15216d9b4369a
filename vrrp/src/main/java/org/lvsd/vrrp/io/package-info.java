/**
 * The privileged edge of the VRRP module: {@link org.lvsd.vrrp.io.AdvertTransport} moves whole
 * Ethernet frames (adverts, RFC 5798 §5.1; gratuitous ARP, RFC 826 / RFC 5227 §3; unsolicited
 * NA, RFC 4861 §7.2.6), {@link org.lvsd.vrrp.io.AddressManager} adds and removes VIPs, and
 * {@link org.lvsd.vrrp.io.FrameActions} turns the state machine's
 * {@link org.lvsd.vrrp.fsm.VrrpActions} into both. {@link org.lvsd.vrrp.io.PcapAdvertTransport}
 * is the libpcap implementation (multicast mode only).
 */
package org.lvsd.vrrp.io;
