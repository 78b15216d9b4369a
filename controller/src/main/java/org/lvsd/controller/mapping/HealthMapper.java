package org.lvsd.controller.mapping;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lvsd.conf.model.Checker;
import org.lvsd.conf.model.Command;
import org.lvsd.conf.model.RealServer;
import org.lvsd.conf.model.TrackFile;
import org.lvsd.conf.model.VirtualServer;
import org.lvsd.healthcheck.spec.CheckerSpec;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.SorryServerSpec;
import org.lvsd.healthcheck.spec.VirtualServerSpec;

/**
 * A {@code virtual_server} as a health pool (keepalived.conf(5) "virtual_server", "real_server"):
 * quorum, hysteresis, {@code quorum_up} / {@code quorum_down}, {@code sorry_server} with
 * {@code sorry_server_inhibit}, {@code omega}; per real server its weight,
 * {@code inhibit_on_failure}, {@code notify_up} / {@code notify_down} (as {@link CommandText}
 * lines) and lvsd's {@code slow_start} (the longest given on the real server or its checkers).
 */
final class HealthMapper {

    private final CheckerMapper checkers;
    private final Problems problems;

    HealthMapper(Map<String, TrackFile> trackFiles, Problems problems) {
        this.checkers = new CheckerMapper(trackFiles, problems);
        this.problems = problems;
    }

    VirtualServerSpec map(String id, VirtualServer vs) {
        List<RealServerSpec> servers = new ArrayList<>();
        for (RealServer rs : vs.realServers()) {
            servers.add(realServer(rs));
        }
        Optional<SorryServerSpec> sorry = vs.sorryServer().map(s -> {
            RealServerId sid = new RealServerId(s.address(), s.port());
            if (vs.realServers().stream().anyMatch(rs -> new RealServerId(rs.address(), rs.port()).equals(sid))) {
                problems.warning(s.where(), "sorry_server " + sid + " is also a real_server of this virtual server");
            }
            return new SorryServerSpec(sid, s.inhibit());
        });
        return new VirtualServerSpec(id, servers, vs.quorum(), vs.hysteresis(), vs.quorumUp().map(HealthMapper::text),
                vs.quorumDown().map(HealthMapper::text), sorry, vs.omega());
    }

    private RealServerSpec realServer(RealServer rs) {
        List<CheckerSpec> specs = new ArrayList<>();
        Duration slowStart = rs.checkDefaults().slowStart().orElse(Duration.ZERO);
        for (Checker c : rs.checkers()) {
            checkers.map(c).ifPresent(specs::add);
            if (c.timing().slowStart().compareTo(slowStart) > 0) {
                slowStart = c.timing().slowStart();
            }
        }
        return new RealServerSpec(new RealServerId(rs.address(), rs.port()), rs.weight(), rs.inhibitOnFailure(),
                rs.notifyUp().map(HealthMapper::text), rs.notifyDown().map(HealthMapper::text), slowStart, specs);
    }

    private static String text(Command c) {
        return CommandText.join(c.argv());
    }
}
