package org.lvsd.conf.model;

import java.util.Optional;

/** Reads {@code lvs_sync_daemon IF [[inst] VI] [id N] [maxlen N] [port N] [ttl N] [group IP]}. */
final class SyncDaemonReader {

    private SyncDaemonReader() {
    }

    static Optional<LvsSyncDaemon> read(Stmt s, Diags d) {
        Optional<String> instance = Optional.empty();
        Optional<Integer> id = Optional.empty();
        Optional<Integer> maxlen = Optional.empty();
        Optional<Integer> ttl = Optional.empty();
        int port = 8848;
        String group = "224.0.0.81";
        int i = 1;
        while (i < s.size()) {
            String w = s.arg(i);
            boolean hasValue = i + 1 < s.size();
            switch (w) {
                case "id", "maxlen", "port", "ttl", "group", "inst" -> {
                    if (!hasValue) {
                        d.error(s.where(), "lvs_sync_daemon: missing value after '" + w + "'");
                        return Optional.empty();
                    }
                    switch (w) {
                        case "id" -> id = Values.integer(s, i + 1, 0, 255, d);
                        case "maxlen" -> maxlen = Values.integer(s, i + 1, 1, 65507, d);
                        case "port" -> port = Values.port(s, i + 1, d).orElse(port);
                        case "ttl" -> ttl = Values.integer(s, i + 1, 1, 255, d);
                        case "group" -> group = Values.ip(s, i + 1, d).map(IpAddresses::format).orElse(group);
                        default -> instance = Optional.of(s.arg(i + 1));
                    }
                    i += 2;
                }
                default -> {
                    if (i == 1) {
                        instance = Optional.of(w);
                    } else {
                        d.error(s.where(), "lvs_sync_daemon: unexpected word '" + w + "'");
                    }
                    i++;
                }
            }
        }
        return Optional.of(new LvsSyncDaemon(s.arg(0), instance, id, maxlen, port, ttl, group, s.where()));
    }
}
