package org.lvsd.conf.model;

import java.util.Optional;

/**
 * One {@code virtual_ipaddress} entry: {@code ADDR[/LEN] [brd IP|+|-] [dev IF] [scope S]
 * [label L] [peer ADDR[/LEN]] [home] [-nodad] [mngtmpaddr] [noprefixroute] [autojoin]
 * [no_track] [use_vmac] [preferred_lft N|forever]}.
 *
 * @param address address and prefix (default full length)
 * @param broadcast {@code brd}: an address, {@code +} or {@code -}
 * @param dev interface (default the instance's interface; empty only for unicast instances without one)
 * @param scope {@code scope}
 * @param label {@code label}
 * @param peer {@code peer}
 * @param preferredLft {@code preferred_lft} as written ({@code forever} or seconds)
 * @param home {@code home}
 * @param nodad {@code -nodad} / {@code nodad}
 * @param mngtmpaddr {@code mngtmpaddr}
 * @param noprefixroute {@code noprefixroute}
 * @param autojoin {@code autojoin}
 * @param noTrack {@code no_track}
 * @param useVmac {@code use_vmac}
 * @param where origin
 */
public record VirtualAddress(IpPrefix address, Optional<String> broadcast, Optional<String> dev,
        Optional<String> scope, Optional<String> label, Optional<IpPrefix> peer, Optional<String> preferredLft,
        boolean home, boolean nodad, boolean mngtmpaddr, boolean noprefixroute, boolean autojoin, boolean noTrack,
        boolean useVmac, Where where) {

    public AddressFamily family() {
        return address.family();
    }

    /** This entry with {@code dev} set to {@code iface} when it names no device. */
    VirtualAddress defaultDev(Optional<String> iface) {
        return dev.isPresent() ? this : new VirtualAddress(address, broadcast, iface, scope, label, peer, preferredLft,
                home, nodad, mngtmpaddr, noprefixroute, autojoin, noTrack, useVmac, where);
    }
}
