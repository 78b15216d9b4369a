/**
 * The VRRP state machine of RFC 5798 §6.4 (Initialize, Backup, Master, plus keepalived's
 * FAULT state) with keepalived's extensions: Skew_Time and Master_Down_Interval (RFC 5798
 * §6.1, RFC 3768 §6.1 for v2) with a configurable advert count, v3 adoption of the master's
 * interval (RFC 5798 §6.4.2), preempt / nopreempt / preempt_delay, the priority 0 and 255
 * rules (RFC 5798 §6.4.2, §6.4.3), the lower-priority advert answer with GARP (RFC 9568
 * §6.4.3), trackers, startup delay and sync groups.
 *
 * <p>All I/O goes through {@link org.lvsd.vrrp.fsm.VrrpActions} and all time through
 * {@link org.lvsd.vrrp.time.Scheduler}; every method runs on the scheduler's thread.
 */
package org.lvsd.vrrp.fsm;
