package org.lvsd.ipvs.format;

import java.net.InetAddress;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.AddressText;
import org.lvsd.ipvs.Destination;
import org.lvsd.ipvs.ForwardMethod;
import org.lvsd.ipvs.Protocol;
import org.lvsd.ipvs.RealServer;
import org.lvsd.ipvs.ServiceFlag;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.Timeouts;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;

/**
 * One restore line to one command, with ipvsadm's checks and messages (parse_options,
 * process_options, generic_opt_check, tunnel_opt_check): option order matters where it does in
 * ipvsadm (a real server without a port takes the service port known at that point).
 */
final class LineParser {
    /** MAX_TIMEOUT in ipvsadm: 31 days. */
    private static final int MAX_TIMEOUT = 86400 * 31;
    private static final String DEFAULT_SCHEDULER = "wlc";

    private final int line;
    private Cmd cmd;
    private final EnumSet<Opt> given = EnumSet.noneOf(Opt.class);

    private AddressFamily af = AddressFamily.INET;
    private Protocol protocol = Protocol.IP;
    private InetAddress address;
    private int port;
    private int fwmark;
    private String scheduler = "";
    private int flags;
    private int timeout;
    private int netmask = 0xffffffff;
    private String pe = "";
    private String schedFlags;

    private InetAddress destAddress;
    private int destPort;
    private ForwardMethod forward = ForwardMethod.ROUTE;
    private int weight = 1;
    private int upper;
    private int lower;
    private TunnelType tunType = TunnelType.IPIP;
    private int tunPort;
    private int tunFlags;

    private LineParser(int line) {
        this.line = line;
    }

    static RestoreCommand parse(int line, List<String> tokens) throws RestoreException {
        return new LineParser(line).run(tokens);
    }

    private RestoreException fail(String message) {
        return new RestoreException(line, message);
    }

    private RestoreCommand run(List<String> tokens) throws RestoreException {
        LineOptions split;
        try {
            split = LineOptions.split(tokens);
        } catch (IllegalArgumentException e) {
            throw fail(e.getMessage());
        }
        List<LineOptions.Occurrence> opts = split.options;
        Cmd first = opts.isEmpty() ? null : Syntax.command(opts.get(0).spec().name());
        if (first == null) {
            throw fail("a line must start with a command (-A, -E, -D, -a, -e, -d, -C, -Z or --set)");
        }
        cmd = first;
        for (LineOptions.Occurrence o : opts.subList(1, opts.size())) {
            option(o);
        }
        Timeouts timeouts = null;
        List<String> rest = split.leftovers;
        if (cmd == Cmd.SET_TIMEOUT) {
            if (rest.size() < 3) {
                throw fail("--set option requires 3 timeout values");
            }
            timeouts = new Timeouts(timeoutValue(rest.get(0), 0), timeoutValue(rest.get(1), 0),
                    timeoutValue(rest.get(2), 0));
            rest = rest.subList(3, rest.size());
        }
        if (!rest.isEmpty()) {
            throw fail("unexpected argument " + rest.get(0));
        }
        if (schedFlags != null) {
            flags &= ~(ServiceFlag.SCHED1.bit() | ServiceFlag.SCHED2.bit() | ServiceFlag.SCHED3.bit());
            flags |= parseSchedFlags(scheduler.isEmpty() ? DEFAULT_SCHEDULER : scheduler, schedFlags);
        }
        String problem = cmd.check(given);
        if (problem != null) {
            throw fail(problem);
        }
        return build(timeouts);
    }

    private void set(Opt o) throws RestoreException {
        if (!given.add(o)) {
            throw fail("multiple '" + o.label() + "' options specified");
        }
    }

    private void option(LineOptions.Occurrence o) throws RestoreException {
        String arg = o.arg();
        String name = o.spec().name();
        if (Syntax.command(name) != null) {
            throw fail("multiple commands specified");
        }
        switch (name) {
            case "tcp-service", "udp-service", "sctp-service" -> {
                set(Opt.SERVICE);
                protocol = switch (name) {
                    case "tcp-service" -> Protocol.TCP;
                    case "udp-service" -> Protocol.UDP;
                    default -> Protocol.SCTP;
                };
                Endpoint e = endpoint(arg);
                if (e == null) {
                    throw fail("illegal virtual server address[:port] specified");
                }
                address = e.address;
                af = AddressFamily.of(e.address);
                if (af == AddressFamily.INET6) {
                    netmask = 128;
                }
                if (e.port >= 0) {
                    port = e.port;
                }
            }
            case "fwmark-service" -> {
                set(Opt.SERVICE);
                af = AddressFamily.INET;
                protocol = Protocol.TCP;
                fwmark = parseFwmark(arg);
            }
            case "ipv6" -> {
                if (fwmark == 0) {
                    throw fail("-6 used before -f");
                }
                af = AddressFamily.INET6;
                netmask = 128;
            }
            case "scheduler" -> {
                set(Opt.SCHEDULER);
                scheduler = arg.length() > 15 ? arg.substring(0, 15) : arg;
            }
            case "persistent" -> {
                set(Opt.PERSISTENT);
                flags |= ServiceFlag.PERSISTENT.bit();
                timeout = arg == null ? VirtualService.DEFAULT_PERSISTENT_TIMEOUT : timeoutValue(arg, 1);
            }
            case "netmask" -> {
                set(Opt.NETMASK);
                netmask = af == AddressFamily.INET6 ? prefix(arg) : dottedMask(arg);
            }
            case "real-server" -> {
                set(Opt.SERVER);
                Endpoint e = endpoint(arg);
                if (e == null) {
                    throw fail("illegal real server address[:port] specified");
                }
                destAddress = e.address;
                destPort = e.port >= 0 ? e.port : port;
            }
            case "gatewaying", "ipip", "masquerading" -> {
                set(Opt.FORWARD);
                forward = switch (name) {
                    case "gatewaying" -> ForwardMethod.ROUTE;
                    case "ipip" -> ForwardMethod.TUNNEL;
                    default -> ForwardMethod.MASQ;
                };
            }
            case "weight" -> {
                set(Opt.WEIGHT);
                weight = number(arg, 0, 65535, "illegal weight specified");
            }
            case "u-threshold" -> {
                set(Opt.UTHRESHOLD);
                upper = number(arg, 0, Integer.MAX_VALUE, "illegal u_threshold specified");
            }
            case "l-threshold" -> {
                set(Opt.LTHRESHOLD);
                lower = number(arg, 0, Integer.MAX_VALUE, "illegal l_threshold specified");
            }
            case "numeric" -> set(Opt.NUMERIC);
            case "ops" -> {
                set(Opt.ONEPACKET);
                flags |= ServiceFlag.ONE_PACKET.bit();
            }
            case "pe" -> {
                set(Opt.PERSISTENCE_ENGINE);
                pe = arg;
            }
            case "sched-flags" -> {
                set(Opt.SCHED_FLAGS);
                schedFlags = arg;
            }
            case "tun-type" -> {
                set(Opt.TUN_TYPE);
                tunType = switch (arg) {
                    case "ipip" -> TunnelType.IPIP;
                    case "gue" -> TunnelType.GUE;
                    case "gre" -> TunnelType.GRE;
                    default -> throw fail("illegal tunnel type specified");
                };
            }
            case "tun-port" -> {
                set(Opt.TUN_PORT);
                tunPort = number(arg, 1, 65535, "illegal tunnel port specified");
            }
            case "tun-nocsum" -> set(Opt.TUN_NOCSUM);
            case "tun-csum" -> {
                set(Opt.TUN_CSUM);
                tunFlags |= TunnelChecksum.CSUM.value();
            }
            case "tun-remcsum" -> {
                set(Opt.TUN_REMCSUM);
                tunFlags |= TunnelChecksum.REMCSUM.value();
            }
            default -> throw fail("invalid option `" + o.token() + "'");
        }
    }

    private RestoreCommand build(Timeouts timeouts) throws RestoreException {
        return switch (cmd) {
            case SET_TIMEOUT -> new RestoreCommand.SetTimeouts(line, timeouts);
            case ZERO -> new RestoreCommand.Zero(line, given.contains(Opt.SERVICE) ? Optional.of(key())
                    : Optional.empty());
            default -> new RestoreCommand.Change(line, change());
        };
    }

    private TableChange change() throws RestoreException {
        return switch (cmd) {
            case FLUSH -> new TableChange.Flush();
            case ADD_SERVICE -> new TableChange.AddService(service());
            case EDIT_SERVICE -> new TableChange.EditService(service());
            case DELETE_SERVICE -> new TableChange.DeleteService(key());
            case ADD_SERVER -> new TableChange.AddDestination(key(), destination());
            case EDIT_SERVER -> new TableChange.EditDestination(key(), destination());
            case DELETE_SERVER -> new TableChange.DeleteDestination(key(), new RealServer(destAddress, destPort));
            case SET_TIMEOUT, ZERO -> throw new IllegalStateException(cmd.label() + " is not a table change");
        };
    }

    private ServiceKey key() {
        return fwmark != 0 ? ServiceKey.fwmark(fwmark, af) : ServiceKey.of(protocol, address, port);
    }

    private VirtualService service() throws RestoreException {
        boolean persistent = (flags & ServiceFlag.PERSISTENT.bit()) != 0;
        if (fwmark == 0 && port == 0 && !persistent) {
            throw fail("Zero port specified for non-persistent service");
        }
        if ((flags & ServiceFlag.ONE_PACKET.bit()) != 0 && fwmark == 0 && protocol != Protocol.UDP) {
            throw fail("One-Packet Scheduling is only for UDP virtual services");
        }
        String sched = scheduler.isEmpty() ? DEFAULT_SCHEDULER : scheduler;
        return new VirtualService(key(), sched, ServiceFlag.fromBits(flags), timeout, netmask, pe);
    }

    private Destination destination() throws RestoreException {
        int dport = destPort;
        if (fwmark == 0 && (forward == ForwardMethod.TUNNEL || forward == ForwardMethod.ROUTE)) {
            dport = port;
        }
        if (AddressFamily.of(destAddress) != af && forward != ForwardMethod.TUNNEL) {
            throw fail("Different address family is allowed only for tunneling servers");
        }
        boolean tunnelOptions = given.contains(Opt.TUN_TYPE) || given.contains(Opt.TUN_PORT)
                || given.contains(Opt.TUN_NOCSUM) || given.contains(Opt.TUN_CSUM) || given.contains(Opt.TUN_REMCSUM);
        if (tunnelOptions && forward != ForwardMethod.TUNNEL) {
            throw fail("Tunnel options conflict with forward method");
        }
        Optional<String> tunnelProblem = TunnelOptionCheck.check(tunType, given);
        if (tunnelProblem.isPresent()) {
            throw fail(tunnelProblem.get());
        }
        TunnelChecksum checksum = switch (tunFlags) {
            case 0 -> TunnelChecksum.NOCSUM;
            case 1 -> TunnelChecksum.CSUM;
            default -> TunnelChecksum.REMCSUM;
        };
        return new Destination(new RealServer(destAddress, dport), forward, weight, upper, lower, tunType, tunPort,
                checksum);
    }

    /** An address with an optional port (-1 when absent), as parse_service reads it; null if invalid. */
    private record Endpoint(InetAddress address, int port) {
    }

    private Endpoint endpoint(String text) {
        if (text.isEmpty() || text.chars().allMatch(Character::isDigit)) {
            return null;
        }
        String host = text;
        String portText = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0 || close + 1 >= text.length() || text.charAt(close + 1) != ':') {
                return null;
            }
            host = text.substring(1, close);
            portText = text.substring(close + 2);
        }
        Optional<InetAddress> v6 = host.indexOf(':') >= 0 ? AddressText.parse(host) : Optional.empty();
        InetAddress addr;
        if (v6.isPresent() && AddressFamily.of(v6.get()) == AddressFamily.INET6) {
            addr = v6.get();
        } else {
            int colon = host.lastIndexOf(':');
            if (colon >= 0) {
                portText = host.substring(colon + 1);
                host = host.substring(0, colon);
            }
            Optional<InetAddress> v4 = AddressText.parse(host);
            if (v4.isEmpty() || AddressFamily.of(v4.get()) != AddressFamily.INET) {
                return null;
            }
            addr = v4.get();
        }
        if (portText == null) {
            return new Endpoint(addr, -1);
        }
        Integer p = toNumber(portText, 0, 65535);
        return p == null ? null : new Endpoint(addr, p);
    }

    private int parseFwmark(String text) throws RestoreException {
        try {
            long v = Long.parseLong(text);
            if (v > 0 && v <= 0xffffffffL) {
                return (int) v;
            }
        } catch (NumberFormatException e) {
            // reported below, as ipvsadm does
        }
        throw fail("invalid fwmark value `" + text + "' specified");
    }

    private int timeoutValue(String text, int min) throws RestoreException {
        Integer v = toNumber(text, min, MAX_TIMEOUT);
        if (v == null) {
            throw fail("invalid timeout value `" + text + "' specified");
        }
        return v;
    }

    private int number(String text, int min, int max, String message) throws RestoreException {
        Integer v = toNumber(text, min, max);
        if (v == null) {
            throw fail(message);
        }
        return v;
    }

    /** string_to_number: a whole decimal number within [min, max], else null. */
    private static Integer toNumber(String text, int min, int max) {
        try {
            long v = Long.parseLong(text);
            return v >= min && v <= max ? (int) v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private int dottedMask(String text) throws RestoreException {
        Optional<InetAddress> mask = AddressText.parse(text);
        if (mask.isEmpty() || AddressFamily.of(mask.get()) != AddressFamily.INET) {
            throw fail("illegal virtual server persistent mask specified");
        }
        byte[] b = mask.get().getAddress();
        return ((b[0] & 0xff) << 24) | ((b[1] & 0xff) << 16) | ((b[2] & 0xff) << 8) | (b[3] & 0xff);
    }

    /** atoi of the IPv6 prefix length, which must be 1..128. */
    private int prefix(String text) throws RestoreException {
        int i = 0;
        int v = 0;
        while (i < text.length() && Character.isDigit(text.charAt(i)) && v <= 1000) {
            v = v * 10 + (text.charAt(i++) - '0');
        }
        if (v < 1 || v > 128) {
            throw fail("illegal ipv6 netmask specified");
        }
        return v;
    }

    private int parseSchedFlags(String sched, String arg) throws RestoreException {
        int bits = 0;
        for (String flag : arg.split(",")) {
            if (flag.isEmpty()) {
                continue;
            }
            switch (flag) {
                case "flag-1" -> bits |= ServiceFlag.SCHED1.bit();
                case "flag-2" -> bits |= ServiceFlag.SCHED2.bit();
                case "flag-3" -> bits |= ServiceFlag.SCHED3.bit();
                case "sh-fallback", "sh-port", "mh-fallback", "mh-port" -> {
                    if (!sched.equals(flag.substring(0, 2))) {
                        throw fail("incompatible scheduler flag `" + flag + "'");
                    }
                    bits |= flag.endsWith("fallback") ? ServiceFlag.SCHED1.bit() : ServiceFlag.SCHED2.bit();
                }
                default -> throw fail("invalid scheduler flag `" + flag + "'");
            }
        }
        return bits;
    }
}
