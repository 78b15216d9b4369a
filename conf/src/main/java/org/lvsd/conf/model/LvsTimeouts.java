package org.lvsd.conf.model;

import java.time.Duration;
import java.util.Optional;

/**
 * {@code lvs_timeouts [tcp S] [tcpfin S] [udp S]}: IPVS connection timeouts; empty keeps the
 * kernel's value.
 *
 * @param tcp established TCP timeout
 * @param tcpFin TCP FIN_WAIT timeout
 * @param udp UDP timeout
 */
public record LvsTimeouts(Optional<Duration> tcp, Optional<Duration> tcpFin, Optional<Duration> udp) {

    public static final LvsTimeouts NONE = new LvsTimeouts(Optional.empty(), Optional.empty(), Optional.empty());
}
