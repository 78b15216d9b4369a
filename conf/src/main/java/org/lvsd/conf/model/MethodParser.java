package org.lvsd.conf.model;

import java.util.Locale;
import java.util.Optional;

/** Parses {@code lvs_method NAT|DR|TUN [type ipip|gue port N|gre] [nocsum|csum|remcsum]}. */
final class MethodParser {

    private MethodParser() {
    }

    static Optional<ForwardingMethod> parse(Stmt s, Diags d) {
        ForwardingMethod.Kind kind;
        try {
            kind = ForwardingMethod.Kind.valueOf(s.arg(0).toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            d.error(s.where(), s.keyword() + " expects NAT|DR|TUN, got '" + s.arg(0) + "'");
            return Optional.empty();
        }
        Optional<String> type = Optional.empty();
        Optional<Integer> port = Optional.empty();
        Optional<String> csum = Optional.empty();
        int i = 1;
        while (i < s.size()) {
            String w = s.arg(i);
            if (kind != ForwardingMethod.Kind.TUN) {
                d.error(s.where(), s.keyword() + ": '" + w + "' is only allowed after TUN");
                return Optional.empty();
            }
            if (w.equals("type") && i + 1 < s.size()) {
                type = Optional.of(s.arg(i + 1));
                if (!type.get().matches("ipip|gue|gre")) {
                    d.error(s.where(), s.keyword() + ": type expects ipip|gue|gre, got '" + type.get() + "'");
                    return Optional.empty();
                }
                i += 2;
            } else if (w.equals("port") && i + 1 < s.size()) {
                port = Values.port(s, i + 1, d);
                if (port.isEmpty()) {
                    return Optional.empty();
                }
                i += 2;
            } else if (w.matches("nocsum|csum|remcsum")) {
                csum = Optional.of(w);
                i++;
            } else {
                d.error(s.where(), s.keyword() + ": unexpected word '" + w + "'");
                return Optional.empty();
            }
        }
        if (type.filter("gue"::equals).isPresent() && port.isEmpty()) {
            d.error(s.where(), s.keyword() + ": type gue needs 'port N'");
            return Optional.empty();
        }
        return Optional.of(new ForwardingMethod(kind, type, port, csum));
    }
}
