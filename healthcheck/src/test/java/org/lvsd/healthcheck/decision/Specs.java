package org.lvsd.healthcheck.decision;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.lvsd.healthcheck.spec.CheckTiming;
import org.lvsd.healthcheck.spec.CheckerSpec;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.FileCheckSpec;
import org.lvsd.healthcheck.spec.MiscCheckSpec;
import org.lvsd.healthcheck.spec.RealServerId;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.TcpCheckSpec;

/** Spec builders shared by the decision tests. */
final class Specs {

    private Specs() {
    }

    static RealServerId rs(int lastOctet) {
        try {
            return new RealServerId(InetAddress.getByAddress(
                    new byte[] {10, 0, 0, (byte) lastOctet}), 80);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    static CheckTiming timing(int retry) {
        return new CheckTiming(Duration.ofSeconds(6), Duration.ofSeconds(3), retry,
                Duration.ofSeconds(2), Duration.ZERO, false, 0, 0);
    }

    static TcpCheckSpec tcp(int retry) {
        return new TcpCheckSpec(timing(retry), ConnectOptions.none());
    }

    static TcpCheckSpec tcp(CheckTiming timing) {
        return new TcpCheckSpec(timing, ConnectOptions.none());
    }

    static MiscCheckSpec miscDynamic() {
        return new MiscCheckSpec(timing(0), List.of("/bin/true"), Duration.ofSeconds(5), true);
    }

    static FileCheckSpec fileDynamic() {
        return new FileCheckSpec(timing(0), Path.of("/run/weight"), 2, false, true);
    }

    static RealServerSpec server(int octet, int weight, CheckerSpec... checkers) {
        return RealServerSpec.of(rs(octet), weight, List.of(checkers));
    }

    static RealServerSpec notifying(int octet, int weight, CheckerSpec checker) {
        return new RealServerSpec(rs(octet), weight, false, Optional.of("up.sh " + octet),
                Optional.of("down.sh " + octet), Duration.ZERO, List.of(checker));
    }

    static RealServerSpec inhibited(int octet, int weight, CheckerSpec checker) {
        return new RealServerSpec(rs(octet), weight, true, Optional.empty(), Optional.empty(),
                Duration.ZERO, List.of(checker));
    }

    static RealServerSpec slow(int octet, int weight, Duration ramp, CheckerSpec checker) {
        return new RealServerSpec(rs(octet), weight, false, Optional.empty(), Optional.empty(),
                ramp, List.of(checker));
    }
}
