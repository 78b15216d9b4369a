package org.lvsd.vrrp.fsm;

/** RFC 5798 §6.4 states plus keepalived's FAULT. */
public enum VrrpState {
    /** RFC 5798 §6.4.1 Initialize: before start, during the startup delay, after stop. */
    INIT,
    /** RFC 5798 §6.4.2. */
    BACKUP,
    /** RFC 5798 §6.4.3. */
    MASTER,
    /** Not RFC: a tracker, interface or sync-group peer is down; adverts are ignored. */
    FAULT
}
