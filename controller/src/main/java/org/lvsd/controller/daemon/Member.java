package org.lvsd.controller.daemon;

import org.lvsd.vrrp.addr.RtnlAddressManager;
import org.lvsd.vrrp.fsm.VrrpInstance;

/** One running instance: its state machine, its VIPs and the loop it runs on. */
record Member(VrrpInstance instance, RtnlAddressManager addresses, Loop loop) {
}
