package org.lvsd.healthcheck.check;

import java.net.InetSocketAddress;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.schedule.CheckerFactory;
import org.lvsd.healthcheck.spec.CheckerSpec;
import org.lvsd.healthcheck.spec.DnsCheckSpec;
import org.lvsd.healthcheck.spec.FileCheckSpec;
import org.lvsd.healthcheck.spec.HttpCheckSpec;
import org.lvsd.healthcheck.spec.MiscCheckSpec;
import org.lvsd.healthcheck.spec.RealServerSpec;
import org.lvsd.healthcheck.spec.SmtpCheckSpec;
import org.lvsd.healthcheck.spec.TcpCheckSpec;
import org.lvsd.healthcheck.spec.UdpCheckSpec;

/** Makes the checker class for each spec type, all sharing one {@link CheckTransport}. */
public final class NettyCheckerFactory implements CheckerFactory {

    private final CheckTransport transport;

    public NettyCheckerFactory(CheckTransport transport) {
        this.transport = transport;
    }

    @Override
    public Checker create(RealServerSpec server, CheckerSpec spec) {
        if (spec instanceof TcpCheckSpec s) {
            return new TcpChecker(transport, s, target(server, s.connect()));
        }
        if (spec instanceof HttpCheckSpec s) {
            return new HttpChecker(transport, s, target(server, s.connect()));
        }
        if (spec instanceof SmtpCheckSpec s) {
            return new SmtpChecker(transport, s, target(server, s.connect()));
        }
        if (spec instanceof DnsCheckSpec s) {
            return new DnsChecker(transport, s, target(server, s.connect()));
        }
        if (spec instanceof UdpCheckSpec s) {
            return new UdpChecker(transport, s, target(server, s.connect()));
        }
        if (spec instanceof MiscCheckSpec s) {
            return new MiscChecker(transport, s);
        }
        if (spec instanceof org.lvsd.healthcheck.spec.PingCheckSpec s) {
            return new PingChecker(transport, s, target(server, s.connect()).getAddress());
        }
        if (spec instanceof FileCheckSpec s) {
            return new FileChecker(transport, s);
        }
        throw new IllegalArgumentException("no checker for " + spec.kind());
    }

    private static InetSocketAddress target(RealServerSpec server,
                                            org.lvsd.healthcheck.spec.ConnectOptions connect) {
        return connect.target(server.id().address(), server.id().port());
    }
}
