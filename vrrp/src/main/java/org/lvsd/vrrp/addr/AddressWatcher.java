package org.lvsd.vrrp.addr;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.route.AddressEvent;
import org.lvsd.netlink.route.Family;
import org.lvsd.netlink.route.IfAddress;
import org.lvsd.netlink.route.Link;
import org.lvsd.netlink.route.LinkEvent;
import org.lvsd.netlink.route.RtNetlink;
import org.lvsd.netlink.route.RtmType;
import org.lvsd.netlink.route.RtnlEvent;
import org.lvsd.netlink.route.RtnlWatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches rtnetlink link and address notifications on one owning thread and reports removed
 * addresses and link up/down changes to an {@link AddressListener}. Keeps a snapshot of links
 * and addresses; when the kernel drops notifications (ENOBUFS) it re-reads both and reports the
 * differences, so nothing is missed. Link "up" means IFF_UP and IFF_RUNNING, as keepalived reads it.
 */
public final class AddressWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AddressWatcher.class);
    private static final Duration POLL = Duration.ofMillis(200);

    private record Key(int ifindex, InetAddress address) {
    }

    private final RtNetlink query;
    private final RtnlWatcher events;
    private final AddressListener listener;
    private final Map<Integer, Link> links = new HashMap<>();
    private final Set<Key> addresses = new HashSet<>();
    private Map<String, Boolean> initialLinkStates = Map.of();
    private volatile boolean running;
    private Thread thread;

    private AddressWatcher(RtNetlink query, RtnlWatcher events, AddressListener listener) {
        this.query = query;
        this.events = events;
        this.listener = listener;
    }

    /**
     * {@code events} must be joined to {@link RtmType#GROUP_LINK},
     * {@link RtmType#GROUP_IPV4_IFADDR} and {@link RtmType#GROUP_IPV6_IFADDR} (see {@link #groups()});
     * {@code query} reads the initial state and re-reads it after ENOBUFS. Both belong to the
     * watcher from now on and are closed by {@link #close()}.
     */
    public static AddressWatcher create(RtNetlink query, RtnlWatcher events, AddressListener listener)
            throws NetlinkException {
        AddressWatcher w = new AddressWatcher(Objects.requireNonNull(query), Objects.requireNonNull(events),
                Objects.requireNonNull(listener));
        w.resync(false);
        w.initialLinkStates = w.links.values().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(Link::name, AddressWatcher::up, (a, b) -> b));
        return w;
    }

    /**
     * Every interface at creation and whether it was up then: the starting point of interface
     * trackers (later changes come through {@link AddressListener#linkChanged}).
     */
    public Map<String, Boolean> initialLinkStates() {
        return initialLinkStates;
    }

    /** The rtnetlink groups to open the {@link RtnlWatcher} with. */
    public static int[] groups() {
        return new int[] {RtmType.GROUP_LINK, RtmType.GROUP_IPV4_IFADDR, RtmType.GROUP_IPV6_IFADDR};
    }

    /** Starts the owning thread. */
    public synchronized void start() {
        if (thread != null) {
            throw new IllegalStateException("already started");
        }
        running = true;
        thread = new Thread(this::loop, "vrrp-rtnl-watch");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        while (running) {
            pollOnce(POLL);
        }
    }

    /** Waits up to {@code wait} for notifications and reports them (the owning thread's step). */
    void pollOnce(Duration wait) {
        List<RtnlEvent> batch;
        try {
            batch = events.poll(wait);
        } catch (NetlinkException e) {
            if (!running && thread != null) {
                return;
            }
            if (e.is(Errno.ENOBUFS)) {
                LOG.warn("rtnetlink notifications lost (ENOBUFS): re-reading links and addresses");
            } else {
                LOG.error("rtnetlink notifications failed: {}; re-reading links and addresses", e.getMessage());
            }
            resyncQuietly();
            return;
        }
        for (RtnlEvent e : batch) {
            if (e instanceof LinkEvent le) {
                onLink(le);
            } else if (e instanceof AddressEvent ae) {
                onAddress(ae);
            }
        }
    }

    private void onLink(LinkEvent e) {
        Link now = e.link();
        Link before = e.removed() ? links.remove(now.ifindex()) : links.put(now.ifindex(), now);
        boolean wasUp = before != null && up(before);
        boolean isUp = !e.removed() && up(now);
        if (wasUp != isUp) {
            listener.linkChanged(now.name(), isUp);
        }
    }

    private void onAddress(AddressEvent e) {
        Key key = new Key(e.address().ifindex(), e.address().address());
        if (!e.removed()) {
            addresses.add(key);
        } else if (addresses.remove(key)) {
            listener.addressRemoved(name(key.ifindex()), key.address());
        }
    }

    private void resyncQuietly() {
        try {
            resync(true);
        } catch (NetlinkException e) {
            LOG.error("re-reading links and addresses failed: {}", e.getMessage());
        }
    }

    private void resync(boolean report) throws NetlinkException {
        Map<Integer, Link> nowLinks = new HashMap<>();
        for (Link l : query.links()) {
            nowLinks.put(l.ifindex(), l);
        }
        Set<Key> nowAddresses = new HashSet<>();
        for (IfAddress a : query.addresses(Family.UNSPEC)) {
            nowAddresses.add(new Key(a.ifindex(), a.address()));
        }
        if (report) {
            for (Key k : addresses) {
                if (!nowAddresses.contains(k)) {
                    listener.addressRemoved(name(k.ifindex()), k.address());
                }
            }
            Set<Integer> all = new HashSet<>(links.keySet());
            all.addAll(nowLinks.keySet());
            for (int ifindex : all) {
                Link before = links.get(ifindex);
                Link now = nowLinks.get(ifindex);
                boolean wasUp = before != null && up(before);
                boolean isUp = now != null && up(now);
                if (wasUp != isUp) {
                    listener.linkChanged((now != null ? now : before).name(), isUp);
                }
            }
        }
        links.clear();
        links.putAll(nowLinks);
        addresses.clear();
        addresses.addAll(nowAddresses);
    }

    private String name(int ifindex) {
        Link l = links.get(ifindex);
        return l != null ? l.name() : "ifindex " + ifindex;
    }

    private static boolean up(Link l) {
        return l.isUp() && l.isRunning();
    }

    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            running = false;
            t = thread;
        }
        if (t != null) {
            try {
                t.join(POLL.multipliedBy(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        events.close();
        query.close();
    }
}
