package org.lvsd.controller.daemon;

import java.util.Optional;

import org.lvsd.controller.control.TransitionHistory;
import org.lvsd.vrrp.addr.RtnlAddressManager;
import org.lvsd.vrrp.fsm.VrrpInstance;
import org.lvsd.vrrp.fsm.VrrpListener;
import org.lvsd.vrrp.rx.AdvertReceiver;
import org.lvsd.vrrp.unicast.RawVrrpSocket;

/**
 * One running instance: what it was built from, its state machine, its VIPs, the loop it runs on,
 * its {@link Port} (frames: GARPs, and adverts unless it has its own unicast socket), its recent transitions
 * its announcement counter and its notify listener (to {@linkplain Notifies#forget forget} when
 * a reload stops it).
 */
record Member(InstanceKey key, VrrpInstance instance, RtnlAddressManager addresses, Loop loop,
              AdvertReceiver receiver, Port port, Optional<RawVrrpSocket> unicast,
              TransitionHistory history, CountingActions actions, VrrpListener notifyListener) {

    String name() {
        return instance.name();
    }
}
