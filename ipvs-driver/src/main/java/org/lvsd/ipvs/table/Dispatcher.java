package org.lvsd.ipvs.table;

import java.net.InetAddress;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.Stats;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.ipvs.sched.Flow;

/**
 * The modelled data path: service lookup (ip_vs_service_find), connection lookup, scheduling
 * (ip_vs_schedule) and persistence templates (ip_vs_sched_persist).
 */
final class Dispatcher {
    /** FTP control port: its templates do not carry ports (ip_vs_sched_persist). */
    private static final int FTPPORT = 21;

    private final Map<ServiceKey, ServiceState> services;
    private final ConnectionTable table;
    private final Supplier<Timeouts> timeouts;

    Dispatcher(Map<ServiceKey, ServiceState> services, ConnectionTable table, Supplier<Timeouts> timeouts) {
        this.services = services;
        this.table = table;
        this.timeouts = timeouts;
    }

    Optional<RealServer> connect(Protocol protocol, Flow flow, int fwmark) {
        if (protocol == Protocol.IP) {
            throw new IllegalArgumentException("flows are TCP, UDP or SCTP");
        }
        table.expire();
        long now = table.now();
        Connection.Key key = new Connection.Key(false, protocol, flow.clientAddress(), flow.clientPort(),
                flow.virtualAddress(), flow.virtualPort());
        Connection existing = table.get(key);
        if (existing != null) {
            table.touch(existing, now);
            return Optional.of(existing.dest.config.server());
        }
        ServiceState svc = findService(protocol, flow.virtualAddress(), flow.virtualPort(), fwmark);
        if (svc == null) {
            return Optional.empty();
        }
        Connection template = null;
        DestState dest;
        int dport;
        if (svc.config.persistent()) {
            template = template(svc, protocol, flow, now);
            if (template == null) {
                return Optional.empty();
            }
            dest = template.dest;
            dport = flow.virtualPort();
            if (dport == svc.config.key().port() && dest.config.server().port() != 0) {
                dport = dest.config.server().port();
            }
        } else {
            dest = schedule(svc, flow);
            if (dest == null) {
                return Optional.empty();
            }
            int port = dest.config.server().port();
            dport = port != 0 ? port : flow.virtualPort();
        }
        Stats one = Stats.totals(1, 0, 0, 0, 0);
        svc.stats = svc.stats.plus(one);
        dest.stats = dest.stats.plus(one);
        if (protocol == Protocol.UDP && svc.config.flags().contains(ServiceFlag.ONE_PACKET)) {
            return Optional.of(dest.config.server());
        }
        Connection c;
        if (protocol == Protocol.UDP) {
            c = new Connection(key, dest, dport, template, "UDP", timeouts.get().udp() * 1000L, now);
        } else {
            ProtocolState first = protocol == Protocol.TCP ? TcpState.SYN_RECV : SctpState.INIT1;
            c = new Connection(key, dest, dport, template, first.label(), timeoutMillis(first), now);
            c.active = first.active();
            c.tcpState = protocol == Protocol.TCP ? TcpState.SYN_RECV : null;
        }
        c.noOutput = dest.config.forward() != ForwardMethod.MASQ;
        table.add(c);
        return Optional.of(dest.config.server());
    }

    boolean countPackets(Protocol protocol, Flow flow, boolean inbound, long packets, long bytes) {
        Connection c = table.get(new Connection.Key(false, protocol, flow.clientAddress(), flow.clientPort(),
                flow.virtualAddress(), flow.virtualPort()));
        if (c == null) {
            return false;
        }
        Stats packet = inbound ? Stats.totals(0, packets, 0, bytes, 0) : Stats.totals(0, 0, packets, 0, bytes);
        c.dest.stats = c.dest.stats.plus(packet);
        c.dest.owner.stats = c.dest.owner.stats.plus(packet);
        table.touch(c, table.now());
        if (protocol == Protocol.UDP && !inbound && c.control != null) {
            // udp_state_transition: a reply assures the template
            c.control.state = "ASSURED";
        }
        return true;
    }

    void transition(Protocol protocol, Flow flow, ProtocolState state) {
        boolean matches = protocol == Protocol.TCP ? state instanceof TcpState
                : protocol == Protocol.SCTP && state instanceof SctpState;
        if (!matches) {
            throw new IllegalArgumentException(state + " is not a state of " + protocol + " connections");
        }
        Connection c = table.get(new Connection.Key(false, protocol, flow.clientAddress(), flow.clientPort(),
                flow.virtualAddress(), flow.virtualPort()));
        if (c == null) {
            throw new IllegalArgumentException("no " + protocol + " connection for " + flow);
        }
        apply(c, state);
    }

    /**
     * set_tcp_state: a TCP packet of an existing connection, from the client or from the server,
     * moves it through the kernel's state table. False when the flow has no TCP connection.
     */
    boolean tcpPacket(Flow flow, boolean fromClient, TcpFlags flags) {
        Connection c = table.get(new Connection.Key(false, Protocol.TCP, flow.clientAddress(), flow.clientPort(),
                flow.virtualAddress(), flow.virtualPort()));
        if (c == null) {
            return false;
        }
        TcpStateTable.Direction direction;
        if (fromClient) {
            direction = c.noOutput ? TcpStateTable.Direction.INPUT_ONLY : TcpStateTable.Direction.INPUT;
        } else {
            c.noOutput = false;
            direction = TcpStateTable.Direction.OUTPUT;
        }
        apply(c, TcpStateTable.next(c.tcpState, direction, flags));
        return true;
    }

    private void apply(Connection c, ProtocolState state) {
        if (state instanceof TcpState tcp) {
            c.tcpState = tcp;
        }
        boolean active = state.active();
        if (active != c.active) {
            c.dest.move(active);
            c.active = active;
        }
        c.state = state.label();
        if (state == TcpState.ESTABLISHED && c.control != null) {
            // ip_vs_control_assure_ct, called from the TCP state machine
            c.control.state = "ASSURED";
        }
        c.timeoutMillis = timeoutMillis(state);
        table.touch(c, table.now());
    }

    /** The state's timeout; TCP ESTABLISHED and FIN_WAIT follow ipvsadm --set. */
    private long timeoutMillis(ProtocolState state) {
        Timeouts t = timeouts.get();
        int seconds = state == TcpState.ESTABLISHED ? t.tcp()
                : state == TcpState.FIN_WAIT ? t.tcpFin()
                : state.defaultTimeoutSeconds();
        return seconds * 1000L;
    }

    /** ip_vs_service_find: fwmark first, then protocol/address/port, then the port-zero service. */
    private ServiceState findService(Protocol protocol, InetAddress vaddr, int vport, int fwmark) {
        AddressFamily af = AddressFamily.of(vaddr);
        ServiceState svc = null;
        if (fwmark != 0) {
            svc = services.get(ServiceKey.fwmark(fwmark, af));
        }
        if (svc == null) {
            svc = services.get(ServiceKey.of(protocol, vaddr, vport));
        }
        if (svc == null) {
            svc = services.get(ServiceKey.of(protocol, vaddr, 0));
        }
        return svc;
    }

    private static DestState schedule(ServiceState svc, Flow flow) {
        Optional<RealServer> picked = svc.scheduler.schedule(svc.candidates(), flow);
        return picked.map(svc::find).orElse(null);
    }

    /** Finds or creates the persistence template of a flow; null when nothing can be scheduled. */
    private Connection template(ServiceState svc, Protocol protocol, Flow flow, long now) {
        VirtualService cfg = svc.config;
        ServiceKey sk = cfg.key();
        AddressFamily af = sk.family();
        InetAddress snet = PersistenceMask.apply(flow.clientAddress(), af, cfg.netmask());
        Protocol tProtocol = protocol;
        InetAddress tVaddr = flow.virtualAddress();
        int tVport = 0;
        boolean servicePort = !sk.isFwmark() && flow.virtualPort() == sk.port();
        if (servicePort) {
            if (sk.port() != FTPPORT) {
                tVport = flow.virtualPort();
            }
        } else if (sk.isFwmark()) {
            tProtocol = Protocol.IP;
            tVaddr = PersistenceMask.fwmarkAddress(sk.fwmark(), af);
        }
        Connection.Key key = new Connection.Key(true, tProtocol, snet, 0, tVaddr, tVport);
        Connection ct = table.get(key);
        if (ct != null && !ct.dest.available) {
            table.invalidate(ct);
            ct = null;
        }
        if (ct == null) {
            DestState dest = schedule(svc, flow);
            if (dest == null) {
                return null;
            }
            int tDport = servicePort && sk.port() != FTPPORT ? dest.config.server().port() : 0;
            ct = new Connection(key, dest, tDport, null, "NONE", cfg.timeout() * 1000L, now);
            table.add(ct);
        }
        table.touch(ct, now);
        return ct;
    }
}
