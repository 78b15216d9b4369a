package org.lvsd.conf.model;

import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Reads {@code virtual_routes} (parsed) and {@code virtual_rules} (kept raw) blocks. */
final class VirtualRouteReader {

    private VirtualRouteReader() {
    }

    static List<VirtualRule> rules(Stmt block) {
        List<VirtualRule> out = new ArrayList<>();
        for (EntryLine line : EntryLine.of(block)) {
            out.add(new VirtualRule(line.words(), line.where()));
        }
        return out;
    }

    static List<VirtualRoute> routes(Stmt block, Diags d) {
        List<VirtualRoute> out = new ArrayList<>();
        for (EntryLine line : EntryLine.of(block)) {
            route(line, d).ifPresent(out::add);
        }
        return out;
    }

    private static Optional<VirtualRoute> route(EntryLine line, Diags d) {
        List<String> w = line.words();
        RouteType type = RouteType.UNICAST;
        Optional<IpPrefix> dst = Optional.empty();
        Optional<InetAddress> src = Optional.empty();
        Optional<InetAddress> via = Optional.empty();
        Optional<String> dev = Optional.empty();
        Optional<String> table = Optional.empty();
        Optional<Long> metric = Optional.empty();
        boolean noTrack = false;
        boolean ok = true;
        int i = 0;
        if (!w.isEmpty() && List.of("unicast", "blackhole", "unreachable", "prohibit").contains(w.get(0))) {
            type = RouteType.valueOf(w.get(0).toUpperCase(Locale.ROOT));
            i = 1;
        }
        for (; i < w.size(); i++) {
            String k = w.get(i);
            boolean hasNext = i + 1 < w.size();
            String v = hasNext ? w.get(i + 1) : "";
            switch (k) {
                case "src", "via", "gw" -> {
                    Optional<InetAddress> a = IpAddresses.parse(v);
                    if (a.isEmpty()) {
                        d.error(line.where(), "virtual_routes: " + k + " expects an IP address, got '" + v + "'");
                        ok = false;
                    } else if (k.equals("src")) {
                        src = a;
                    } else {
                        via = a;
                    }
                    i++;
                }
                case "dev", "oif" -> {
                    dev = Optional.of(v);
                    i++;
                }
                case "table" -> {
                    table = Optional.of(v);
                    i++;
                }
                case "metric", "priority", "preference" -> {
                    metric = Values.parseLong(v).filter(m -> m >= 0);
                    if (metric.isEmpty()) {
                        d.error(line.where(), "virtual_routes: " + k + " expects a number, got '" + v + "'");
                        ok = false;
                    }
                    i++;
                }
                case "no_track" -> noTrack = true;
                case "to" -> {
                    dst = destination(v, line, d);
                    ok &= dst.isPresent();
                    i++;
                }
                default -> {
                    if (dst.isEmpty() && (k.equals("default") || IpPrefix.parse(k).isPresent())) {
                        dst = destination(k, line, d);
                    }
                }
            }
        }
        if (dst.isEmpty() && ok) {
            d.error(line.where(), "virtual_routes: no destination in '" + String.join(" ", w) + "'");
            return Optional.empty();
        }
        return ok ? Optional.of(new VirtualRoute(type, dst, src, via, dev, table, metric, noTrack, w, line.where()))
                : Optional.empty();
    }

    private static Optional<IpPrefix> destination(String v, EntryLine line, Diags d) {
        Optional<IpPrefix> p = v.equals("default") ? IpPrefix.parse("0.0.0.0/0") : IpPrefix.parse(v);
        if (p.isEmpty()) {
            d.error(line.where(), "virtual_routes: destination expects ADDRESS[/PREFIX], got '" + v + "'");
        }
        return p;
    }
}
