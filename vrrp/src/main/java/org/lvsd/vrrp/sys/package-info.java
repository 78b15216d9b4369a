/**
 * The few C library calls the module makes through JNA: open(2) / write(2) / close(2) for
 * non-blocking FIFO writes (fifo(7)) and mkfifo(3). Constants are Linux's.
 * Internal to lvsd-vrrp.
 */
package org.lvsd.vrrp.sys;
