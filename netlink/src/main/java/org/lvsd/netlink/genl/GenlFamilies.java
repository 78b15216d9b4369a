package org.lvsd.netlink.genl;

import java.util.List;
import java.util.Optional;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.socket.NetlinkSocket;

/**
 * Resolves generic netlink families by name through the controller ({@code CTRL_CMD_GETFAMILY}).
 * Family ids are dynamic (IPVS gets a different id per boot or module load), so callers resolve
 * at start and again after the family disappears. Does not cache.
 */
public final class GenlFamilies {
    private final NetlinkSocket socket;

    /** @param socket a {@code NETLINK_GENERIC} socket */
    public GenlFamilies(NetlinkSocket socket) {
        this.socket = socket;
    }

    /**
     * The family with this name, or empty when the kernel has none ({@code ENOENT}: not built,
     * module not loadable).
     *
     * @throws NetlinkException any other kernel or socket error
     */
    public Optional<GenlFamily> resolve(String name) throws NetlinkException {
        List<NlMessage> replies;
        try {
            replies = socket.request(GenlCtrl.getFamily(name));
        } catch (NetlinkException e) {
            if (e.is(Errno.ENOENT)) {
                return Optional.empty();
            }
            throw e;
        }
        if (replies.size() != 1) {
            throw new NetlinkProtocolException("CTRL_CMD_GETFAMILY " + name + ": " + replies.size() + " replies");
        }
        return Optional.of(GenlFamily.decode(GenlMessage.decode(replies.get(0))));
    }
}
