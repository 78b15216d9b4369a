package org.lvsd.controller.metrics;

import java.util.Locale;
import java.util.Objects;

/**
 * The {@code virtual_server} and {@code protocol} labels of a health pool id (the ids the
 * mapping gives pools, named as ipvsadm names services): {@code TCP 198.51.100.100:80} becomes
 * {@code 198.51.100.100:80} and {@code tcp}; {@code FWM 5} and {@code FWM 5 IPv6} become
 * {@code fwm:5} and {@code fwm:5:ipv6} with an empty protocol; any other id (a
 * {@code virtual_server_group}) is kept whole with an empty protocol.
 */
public record VirtualServerLabel(String virtualServer, String protocol) {

    public VirtualServerLabel {
        Objects.requireNonNull(virtualServer, "virtualServer");
        Objects.requireNonNull(protocol, "protocol");
    }

    /** The labels of pool id {@code id}. */
    public static VirtualServerLabel of(String id) {
        String[] words = id.split(" ");
        if (words.length == 2 && (words[0].equals("TCP") || words[0].equals("UDP") || words[0].equals("SCTP"))) {
            return new VirtualServerLabel(words[1], words[0].toLowerCase(Locale.ROOT));
        }
        if (words[0].equals("FWM") && (words.length == 2 || words.length == 3 && words[2].equals("IPv6"))) {
            return new VirtualServerLabel("fwm:" + words[1] + (words.length == 3 ? ":ipv6" : ""), "");
        }
        return new VirtualServerLabel(id, "");
    }
}
