/**
 * The LVS half of the daemon: health checks (keepalived.conf(5) checker blocks) drive the
 * reconciler, which keeps the IPVS table (ipvsadm(8)) equal to configuration x health x
 * operator drains; keepalived.md §3.9–§3.10 describe the reload and stop behaviour matched here.
 */
package org.lvsd.controller.lvs;
