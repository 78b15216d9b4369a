package org.lvsd.netlink.route;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.socket.NetlinkSocket;

/**
 * Tracks links and addresses: a {@code NETLINK_ROUTE} socket joined to rtnetlink multicast
 * groups ({@link RtmType#GROUP_LINK}, {@link RtmType#GROUP_IPV4_IFADDR},
 * {@link RtmType#GROUP_IPV6_IFADDR}), delivering {@link LinkEvent}s and {@link AddressEvent}s.
 * Other message types are ignored. An {@code ENOBUFS} failure from {@link #poll} means events
 * were lost: re-read the state with {@link RtNetlink}.
 */
public final class RtnlWatcher implements AutoCloseable {
    private final NetlinkSocket socket;

    /**
     * @param socket a {@code NETLINK_ROUTE} socket used only for this watcher
     * @param groups the {@code RTNLGRP_*} groups to join
     */
    public RtnlWatcher(NetlinkSocket socket, int... groups) throws NetlinkException {
        this.socket = socket;
        for (int g : groups) {
            socket.joinGroup(g);
        }
    }

    /** Opens a watcher of these groups in the calling thread's network namespace. */
    public static RtnlWatcher open(int... groups) throws NetlinkException {
        NetlinkSocket s = NetlinkSocket.open(Netlink.NETLINK_ROUTE);
        try {
            return new RtnlWatcher(s, groups);
        } catch (NetlinkException e) {
            s.close();
            throw e;
        }
    }

    /** The events that arrive within {@code wait}, in arrival order (empty when none). */
    public List<RtnlEvent> poll(Duration wait) throws NetlinkException {
        List<RtnlEvent> out = new ArrayList<>();
        for (NlMessage m : socket.receiveNotifications(wait)) {
            switch (m.header().type()) {
                case RtmType.NEWLINK, RtmType.DELLINK -> out.add(LinkCodec.event(m));
                case RtmType.NEWADDR, RtmType.DELADDR ->
                        out.add(new AddressEvent(m.header().type() == RtmType.DELADDR, IfAddrCodec.decode(m)));
                default -> {
                    // other rtnetlink notifications (routes, neighbours) are not tracked here
                }
            }
        }
        return out;
    }

    @Override
    public void close() {
        socket.close();
    }
}
