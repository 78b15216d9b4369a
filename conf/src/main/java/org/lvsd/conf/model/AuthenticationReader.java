package org.lvsd.conf.model;

import java.util.Optional;

/** Reads {@code authentication { auth_type PASS|AH; auth_pass P }} (VRRPv2, RFC 2338 style). */
final class AuthenticationReader {

    private AuthenticationReader() {
    }

    static Optional<Authentication> read(Stmt block, Diags d) {
        var st = new Object() {
            Optional<Authentication.Type> type = Optional.empty();
            Optional<String> pass = Optional.empty();
        };
        BlockWalker.walk(Block.AUTHENTICATION, block.children(), d, s -> {
            switch (s.keyword()) {
                case "auth_type" -> {
                    switch (s.arg(0)) {
                        case "PASS" -> st.type = Optional.of(Authentication.Type.PASS);
                        case "AH" -> st.type = Optional.of(Authentication.Type.AH);
                        default -> d.error(s.where(), "auth_type expects PASS|AH, got '" + s.arg(0) + "'");
                    }
                }
                case "auth_pass" -> st.pass = Optional.of(password(s, d));
                default -> d.unhandled(Block.AUTHENTICATION, s);
            }
        });
        if (st.type.isEmpty()) {
            d.error(block.where(), "authentication: missing auth_type");
            return Optional.empty();
        }
        if (st.pass.isEmpty()) {
            d.error(block.where(), "authentication: missing auth_pass");
            return Optional.empty();
        }
        return Optional.of(new Authentication(st.type.get(), st.pass.get(), block.where()));
    }

    /** keepalived uses the first 8 characters only. */
    private static String password(Stmt s, Diags d) {
        String p = s.arg(0);
        if (p.length() <= 8) {
            return p;
        }
        d.warning(s.where(), "auth_pass is longer than 8 characters, only '" + p.substring(0, 8) + "' is used");
        return p.substring(0, 8);
    }
}
