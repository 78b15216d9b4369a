/**
 * The few C library calls the module makes through JNA: open(2) / write(2) / close(2) for
 * non-blocking FIFO writes (fifo(7)), mkfifo(3), and socket(2) / setsockopt(2) / bind(2) /
 * sendto(2) / recvmsg(2) / poll(2) for raw IP sockets (raw(7), ip(7), ipv6(7)). Constants are Linux's.
 * Internal to lvsd-vrrp.
 */
package org.lvsd.vrrp.sys;
