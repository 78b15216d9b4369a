package org.lvsd.ipvs.format;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lvsd.ipvs.TunnelType;

/**
 * ipvsadm's tunnel_opt_check: which of --tun-port, --tun-nocsum, --tun-csum, --tun-remcsum each
 * tunnel type needs ('+'), allows once among the exclusive ones ('1') or forbids ('x').
 */
final class TunnelOptionCheck {
    private static final List<Opt> OPTIONS = List.of(Opt.TUN_PORT, Opt.TUN_NOCSUM, Opt.TUN_CSUM, Opt.TUN_REMCSUM);

    private TunnelOptionCheck() {
    }

    private static String rule(TunnelType type) {
        return switch (type) {
            case IPIP -> "xxxx";
            case GUE -> "+111";
            case GRE -> "x11x";
        };
    }

    /** The first problem, in ipvsadm's wording, or empty. */
    static Optional<String> check(TunnelType type, Set<Opt> given) {
        String rule = rule(type);
        Opt first = null;
        for (int j = 0; j < OPTIONS.size(); j++) {
            Opt o = OPTIONS.get(j);
            char r = rule.charAt(j);
            if (!given.contains(o)) {
                if (r == '+') {
                    return Optional.of("You need to supply the '" + o.label() + "' option for the '" + type.label()
                            + "' tunnel type");
                }
                continue;
            }
            if (r == 'x') {
                return Optional.of("Illegal '" + o.label() + "' option with the '" + type.label() + "' tunnel type");
            }
            if (r == '1') {
                if (first != null) {
                    return Optional.of("The option '" + o.label() + "' conflicts with the '" + first.label()
                            + "' option in the '" + type.label() + "' tunnel type");
                }
                first = o;
            }
        }
        return Optional.empty();
    }
}
