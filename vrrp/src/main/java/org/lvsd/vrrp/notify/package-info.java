/**
 * keepalived.conf(5) notify section for VRRP: {@code notify_master}, {@code notify_backup},
 * {@code notify_fault}, {@code notify_stop} run with their configured arguments only; the generic
 * {@code notify} gets four more: {@code INSTANCE|GROUP}, the name, {@code MASTER|BACKUP|FAULT|STOP}
 * and the priority (keepalived reference §1.7). Scripts run as argv without a shell, in transition
 * order on one queue per instance, each bounded by a timeout. {@code notify_fifo} /
 * {@code vrrp_notify_fifo} get one line per transition in the same format
 * ({@code INSTANCE "VI_1" MASTER 100}, reference §4.6), written non-blocking (fifo(7)).
 */
package org.lvsd.vrrp.notify;
