package org.lvsd.vrrp.addr;

import java.net.InetAddress;

/**
 * What {@link AddressWatcher} reports, on its own thread: hand each call to the state machine's
 * thread. For a removed address the daemon asks the owning {@link RtnlAddressManager}
 * ({@link RtnlAddressManager#holds} and {@link RtnlAddressManager#missing}) whether a VIP was
 * lost and then calls {@code VrrpInstance.onVipsLostExternally}; link changes go to the
 * interface trackers ({@code TrackerStatus.UP} / {@code DOWN}).
 */
public interface AddressListener {

    /** {@code address} left {@code interfaceName} (RTM_DELADDR, or found missing after a re-read). */
    void addressRemoved(String interfaceName, InetAddress address);

    /** {@code interfaceName} went up (IFF_UP and IFF_RUNNING) or down; reported on changes only. */
    void linkChanged(String interfaceName, boolean up);
}
