package org.lvsd.controller.mapping;

import java.util.List;
import org.lvsd.conf.model.VirtualServer;
import org.lvsd.conf.model.VsAddress;
import org.lvsd.ipvs.VirtualService;

/**
 * The stable name of a virtual server, used as the healthcheck pool id and in logs:
 * {@code TCP 198.51.100.100:80}, {@code UDP [2001:db8::1]:53}, {@code FWM 1}, {@code FWM 1 IPv6}
 * (as ipvsadm names services) or {@code group NAME}.
 */
final class VsIds {

    private VsIds() {
    }

    /** The id of {@code vs} mapped to {@code services}; a virtual server without any is named by its line. */
    static String of(VirtualServer vs, List<VirtualService> services) {
        if (vs.address() instanceof VsAddress.Group g) {
            return "group " + g.name();
        }
        return services.isEmpty() ? "virtual_server at " + vs.where() : services.get(0).key().toString();
    }
}
