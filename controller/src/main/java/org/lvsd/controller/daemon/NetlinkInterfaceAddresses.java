package org.lvsd.controller.daemon;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Optional;

import org.lvsd.controller.vrrp.InterfaceAddresses;
import org.lvsd.netlink.route.Family;
import org.lvsd.netlink.route.IfAddress;
import org.lvsd.netlink.route.Link;
import org.lvsd.netlink.route.RtNetlink;
import org.lvsd.netlink.route.Scope;
import org.lvsd.vrrp.codec.AddressFamily;

/** {@link InterfaceAddresses} read through rtnetlink in the daemon's network namespace. */
final class NetlinkInterfaceAddresses implements InterfaceAddresses {

    private final RtNetlink rtnl;

    NetlinkInterfaceAddresses(RtNetlink rtnl) {
        this.rtnl = rtnl;
    }

    @Override
    public Optional<InetAddress> primary(String iface, AddressFamily family) throws IOException {
        Link link = rtnl.link(iface).orElseThrow(() -> new IOException("no interface " + iface));
        boolean v4 = family == AddressFamily.INET;
        return rtnl.addresses(link.ifindex(), v4 ? Family.INET : Family.INET6).stream()
                .filter(a -> v4 ? (a.flags() & IfAddress.F_SECONDARY) == 0 : a.scope() == Scope.LINK)
                .map(IfAddress::address)
                .findFirst();
    }
}
