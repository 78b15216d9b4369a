/**
 * Time as the VRRP state machine sees it: a monotonic clock and one-shot timers behind
 * {@link org.lvsd.vrrp.time.Scheduler}, so the RFC 5798 §6.4 timers (Adver_Timer,
 * Master_Down_Timer) and the GARP delays run on virtual time in tests
 * ({@link org.lvsd.vrrp.time.ManualScheduler}) and on a single event thread in production
 * ({@link org.lvsd.vrrp.time.ExecutorScheduler}).
 */
package org.lvsd.vrrp.time;
