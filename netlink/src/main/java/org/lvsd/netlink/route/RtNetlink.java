package org.lvsd.netlink.route;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlRequest;
import org.lvsd.netlink.socket.NetlinkSocket;

/**
 * rtnetlink operations lvsd needs: links, addresses (VIPs), routes, policy routing rules and
 * neighbour lookups. Each call is one bounded request on the wrapped {@code NETLINK_ROUTE} socket; errors come back as
 * {@link NetlinkException} whose message names the object (e.g. the address).
 */
public final class RtNetlink implements AutoCloseable {
    private final NetlinkSocket socket;

    /** @param socket a {@code NETLINK_ROUTE} socket (not joined to any group) */
    public RtNetlink(NetlinkSocket socket) {
        this.socket = socket;
    }

    /** Opens a {@code NETLINK_ROUTE} socket in the calling thread's network namespace. */
    public static RtNetlink open() throws NetlinkException {
        return new RtNetlink(NetlinkSocket.open(Netlink.NETLINK_ROUTE));
    }

    /** Every link. */
    public List<Link> links() throws NetlinkException {
        return socket.dump(LinkCodec.dump()).stream().map(LinkCodec::decode).toList();
    }

    /** The link with this name, empty when there is none. */
    public Optional<Link> link(String name) throws NetlinkException {
        return single(LinkCodec.get(name), Errno.ENODEV).map(LinkCodec::decode);
    }

    /** The link with this index, empty when there is none. */
    public Optional<Link> link(int ifindex) throws NetlinkException {
        return single(LinkCodec.get(ifindex), Errno.ENODEV).map(LinkCodec::decode);
    }

    /** Addresses of one family ({@link Family#UNSPEC} for all) on every interface. */
    public List<IfAddress> addresses(int family) throws NetlinkException {
        return socket.dump(IfAddrCodec.dump(family)).stream().map(IfAddrCodec::decode).toList();
    }

    /** Addresses of one family on one interface. */
    public List<IfAddress> addresses(int ifindex, int family) throws NetlinkException {
        return addresses(family).stream().filter(a -> a.ifindex() == ifindex).toList();
    }

    /** Adds an address; EEXIST when it is already there. */
    public void addAddress(AddressSpec a) throws NetlinkException {
        socket.request(IfAddrCodec.add(a));
    }

    /** Deletes an address; EADDRNOTAVAIL when it is not there. */
    public void deleteAddress(AddressSpec a) throws NetlinkException {
        socket.request(IfAddrCodec.delete(a));
    }

    /** Routes of one family in every table. */
    public List<Route> routes(int family) throws NetlinkException {
        return socket.dump(RouteCodec.dump(family)).stream().map(RouteCodec::decode).toList();
    }

    /** Adds a route; EEXIST when an equal one is there. */
    public void addRoute(Route r) throws NetlinkException {
        socket.request(RouteCodec.add(r));
    }

    /** Deletes a route; ESRCH when none matches. */
    public void deleteRoute(Route r) throws NetlinkException {
        socket.request(RouteCodec.delete(r));
    }

    /** Policy routing rules of one family. */
    public List<Rule> rules(int family) throws NetlinkException {
        return socket.dump(RuleCodec.dump(family)).stream().map(RuleCodec::decode).toList();
    }

    /** Adds a policy routing rule; EEXIST when an equal one is there. */
    public void addRule(Rule r) throws NetlinkException {
        socket.request(RuleCodec.add(r));
    }

    /** Deletes a policy routing rule; ENOENT when none matches. */
    public void deleteRule(Rule r) throws NetlinkException {
        socket.request(RuleCodec.delete(r));
    }

    /** The neighbour cache entry for {@code ip} on this interface, empty when there is none. */
    public Optional<Neighbour> neighbour(InetAddress ip, int ifindex) throws NetlinkException {
        return single(NeighbourCodec.get(ip, ifindex), Errno.ENOENT).map(NeighbourCodec::decode);
    }

    @Override
    public void close() {
        socket.close();
    }

    private Optional<NlMessage> single(NlRequest req, Errno absent) throws NetlinkException {
        List<NlMessage> replies;
        try {
            replies = socket.request(req);
        } catch (NetlinkException e) {
            if (e.is(absent)) {
                return Optional.empty();
            }
            throw e;
        }
        if (replies.size() != 1) {
            throw new NetlinkProtocolException(req.description() + ": " + replies.size() + " replies");
        }
        return Optional.of(replies.get(0));
    }
}
