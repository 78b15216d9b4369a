package org.lvsd.ipvs.kernel;

import java.util.Locale;
import java.util.function.Consumer;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.NlRequest;
import org.lvsd.netlink.genl.GenlHeader;

/**
 * Every request of generic netlink family IPVS, for one resolved family id. Pure: builds
 * {@link NlRequest}s (flags 0; the socket adds REQUEST, ACK or DUMP) whose description names
 * the object in ipvsadm's words, e.g. "add destination TCP 198.51.100.100:80 -> 198.51.100.21:80".
 *
 * @param familyId the dynamic id of family "IPVS" (the {@code nlmsg_type})
 */
public record IpvsRequests(int familyId) {

    /** The request that makes {@code change}. */
    public NlRequest change(TableChange change) {
        return change.accept(new TableChange.Visitor<>() {
            @Override
            public NlRequest addService(VirtualService service) {
                return newService(service);
            }

            @Override
            public NlRequest editService(VirtualService service) {
                return setService(service);
            }

            @Override
            public NlRequest deleteService(ServiceKey key) {
                return delService(key);
            }

            @Override
            public NlRequest addDestination(ServiceKey key, Destination destination) {
                return newDest(key, destination);
            }

            @Override
            public NlRequest editDestination(ServiceKey key, Destination destination) {
                return setDest(key, destination);
            }

            @Override
            public NlRequest deleteDestination(ServiceKey key, RealServer server) {
                return delDest(key, server);
            }

            @Override
            public NlRequest flush() {
                return IpvsRequests.this.flush();
            }
        });
    }

    /** NEW_SERVICE with the full entry and flag mask ~0 (every flag as given). */
    public NlRequest newService(VirtualService s) {
        return build(IpvsCommand.NEW_SERVICE, w -> ServiceCodec.writeFull(w, s, ServiceCodec.ALL_FLAGS),
                "add service " + s.key());
    }

    /** SET_SERVICE with the full entry and flag mask ~0. */
    public NlRequest setService(VirtualService s) {
        return build(IpvsCommand.SET_SERVICE, w -> ServiceCodec.writeFull(w, s, ServiceCodec.ALL_FLAGS),
                "edit service " + s.key());
    }

    /**
     * SET_SERVICE that changes only the flag bits in {@code flagsMask}; the kernel keeps the others
     * (ip_vs_genl_parse_service prefills them from the existing service).
     */
    public NlRequest setService(VirtualService s, int flagsMask) {
        return build(IpvsCommand.SET_SERVICE, w -> ServiceCodec.writeFull(w, s, flagsMask),
                "edit service " + s.key());
    }

    /** DEL_SERVICE. */
    public NlRequest delService(ServiceKey key) {
        return build(IpvsCommand.DEL_SERVICE, w -> ServiceCodec.writeKey(w, key), "delete service " + key);
    }

    /** GET_SERVICE for one service (answered with one NEW_SERVICE message, or ESRCH). */
    public NlRequest getService(ServiceKey key) {
        return build(IpvsCommand.GET_SERVICE, w -> ServiceCodec.writeKey(w, key), "get service " + key);
    }

    /** GET_SERVICE without attributes, to be sent as a dump: every service. */
    public NlRequest dumpServices() {
        return build(IpvsCommand.GET_SERVICE, w -> { }, "list services");
    }

    /** NEW_DEST. */
    public NlRequest newDest(ServiceKey key, Destination d) {
        return build(IpvsCommand.NEW_DEST, w -> {
            ServiceCodec.writeKey(w, key);
            DestinationCodec.writeFull(w, d);
        }, "add destination " + key + " -> " + d.server());
    }

    /** SET_DEST. */
    public NlRequest setDest(ServiceKey key, Destination d) {
        return build(IpvsCommand.SET_DEST, w -> {
            ServiceCodec.writeKey(w, key);
            DestinationCodec.writeFull(w, d);
        }, "edit destination " + key + " -> " + d.server());
    }

    /** DEL_DEST. */
    public NlRequest delDest(ServiceKey key, RealServer server) {
        return build(IpvsCommand.DEL_DEST, w -> {
            ServiceCodec.writeKey(w, key);
            DestinationCodec.writeKey(w, server);
        }, "delete destination " + key + " -> " + server);
    }

    /** GET_DEST, to be sent as a dump: the destinations of one service (an empty dump if it is absent). */
    public NlRequest dumpDests(ServiceKey key) {
        return build(IpvsCommand.GET_DEST, w -> ServiceCodec.writeKey(w, key), "list destinations of " + key);
    }

    /** GET_INFO. */
    public NlRequest getInfo() {
        return build(IpvsCommand.GET_INFO, w -> { }, "get IPVS info");
    }

    /** GET_CONFIG: the timeouts. */
    public NlRequest getConfig() {
        return build(IpvsCommand.GET_CONFIG, w -> { }, "get timeouts");
    }

    /** SET_CONFIG with all three timeouts (0 leaves one unchanged). */
    public NlRequest setConfig(Timeouts t) {
        return build(IpvsCommand.SET_CONFIG, w -> w.u32(IpvsAttr.Cmd.TIMEOUT_TCP, t.tcp())
                .u32(IpvsAttr.Cmd.TIMEOUT_TCP_FIN, t.tcpFin()).u32(IpvsAttr.Cmd.TIMEOUT_UDP, t.udp()),
                "set timeouts " + t.tcp() + " " + t.tcpFin() + " " + t.udp());
    }

    /** ZERO without a service: every counter. */
    public NlRequest zeroAll() {
        return build(IpvsCommand.ZERO, w -> { }, "zero all counters");
    }

    /** ZERO for one service and its destinations. */
    public NlRequest zero(ServiceKey key) {
        return build(IpvsCommand.ZERO, w -> ServiceCodec.writeKey(w, key), "zero counters of " + key);
    }

    /** FLUSH: delete every service. */
    public NlRequest flush() {
        return build(IpvsCommand.FLUSH, w -> { }, "flush services");
    }

    /** NEW_DAEMON. */
    public NlRequest newDaemon(SyncDaemon d) {
        return build(IpvsCommand.NEW_DAEMON, w -> DaemonCodec.writeFull(w, d),
                "start sync daemon " + d.state().name().toLowerCase(Locale.ROOT) + " on "
                        + d.mcastInterface() + " syncid " + d.syncId());
    }

    /** DEL_DAEMON. */
    public NlRequest delDaemon(SyncState state) {
        return build(IpvsCommand.DEL_DAEMON, w -> DaemonCodec.writeState(w, state),
                "stop sync daemon " + state.name().toLowerCase(Locale.ROOT));
    }

    /** GET_DAEMON, to be sent as a dump: the running daemons. */
    public NlRequest dumpDaemons() {
        return build(IpvsCommand.GET_DAEMON, w -> { }, "list sync daemons");
    }

    private NlRequest build(IpvsCommand cmd, Consumer<AttrWriter> attrs, String description) {
        AttrWriter w = new GenlHeader(cmd.value(), IpvsAttr.VERSION).writer();
        attrs.accept(w);
        return new NlRequest(familyId, 0, w.toBytes(), description);
    }
}
