package org.lvsd.netlink.genl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.netlink.socket.NetnsLab;
import org.lvsd.netlink.socket.NetworkNamespace;

class GenlFamiliesIT {
    @Test
    void resolvesNlctrlAndReportsAbsentIpvsAsEmpty() throws Exception {
        try (NetnsLab lab = NetnsLab.create();
                NetlinkSocket s = NetworkNamespace.call(lab.file(), () -> NetlinkSocket.open(Netlink.NETLINK_GENERIC))) {
            GenlFamilies families = new GenlFamilies(s);
            GenlFamily ctrl = families.resolve("nlctrl").orElseThrow();
            assertEquals(GenlCtrl.ID, ctrl.id());
            assertEquals("nlctrl", ctrl.name());
            assertTrue(ctrl.group("notify").isPresent(), "nlctrl has a notify group: " + ctrl.groups());
            // this kernel is built without IPVS (see reference/kvm-ipvs.md)
            assertEquals(Optional.empty(), families.resolve("IPVS"));
        }
    }
}
