package org.lvsd.netlink.route;

import java.time.Duration;
import java.util.List;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.socket.NetlinkSocket;

/**
 * Link tracking: a {@code NETLINK_ROUTE} socket joined to {@code RTNLGRP_LINK}, delivering
 * RTM_NEWLINK / RTM_DELLINK notifications as {@link LinkEvent}s. On {@code ENOBUFS} events were
 * lost: re-read {@link RtNetlink#links()}.
 */
public final class LinkWatcher implements AutoCloseable {
    private final NetlinkSocket socket;

    /** @param socket a {@code NETLINK_ROUTE} socket used only for this watcher */
    public LinkWatcher(NetlinkSocket socket) throws NetlinkException {
        this.socket = socket;
        socket.joinGroup(RtmType.GROUP_LINK);
    }

    /** Opens a watcher in the calling thread's network namespace. */
    public static LinkWatcher open() throws NetlinkException {
        NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE);
        try {
            return new LinkWatcher(s);
        } catch (NetlinkException e) {
            s.close();
            throw e;
        }
    }

    /** The link events that arrive within {@code wait} (empty when none). */
    public List<LinkEvent> poll(Duration wait) throws NetlinkException {
        return socket.receiveNotifications(wait).stream()
                .filter(m -> m.header().type() == RtmType.NEWLINK || m.header().type() == RtmType.DELLINK)
                .map(LinkCodec::event).toList();
    }

    @Override
    public void close() {
        socket.close();
    }
}
