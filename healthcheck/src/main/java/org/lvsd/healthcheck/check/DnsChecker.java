package org.lvsd.healthcheck.check;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryEncoder;
import io.netty.handler.codec.dns.DatagramDnsResponseDecoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsRecordType;
import io.netty.handler.codec.dns.DnsResponse;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import io.netty.util.ReferenceCountUtil;
import java.net.InetSocketAddress;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.Checker;
import org.lvsd.healthcheck.spec.DnsCheckSpec;

/**
 * DNS_CHECK: one recursive-desired query for {@code name}/{@code type} over UDP (RFC 1035
 * §4.1); passes when a response with the query's ID carries RCODE 0 (NOERROR, §4.1.1).
 * Responses with another ID are ignored; ICMP port unreachable fails.
 */
public final class DnsChecker implements Checker {

    private final CheckTransport transport;
    private final DnsCheckSpec spec;
    private final InetSocketAddress target;
    private final DnsRecordType type;

    public DnsChecker(CheckTransport transport, DnsCheckSpec spec, InetSocketAddress target) {
        this.transport = transport;
        this.spec = spec;
        this.target = target;
        this.type = DnsRecordType.valueOf(spec.type());
    }

    @Override
    public CompletionStage<CheckResult> check() {
        int id = ThreadLocalRandom.current().nextInt(0x10000);
        return UdpProbe.run(transport, target, spec.connect(),
                spec.timing().connectTimeout(),
                (session, pipeline) -> {
                    pipeline.addLast(new DatagramDnsQueryEncoder());
                    pipeline.addLast(new DatagramDnsResponseDecoder());
                    pipeline.addLast(new ChannelInboundHandlerAdapter() {
                        @Override
                        public void channelRead(ChannelHandlerContext ctx, Object msg) {
                            try {
                                if (msg instanceof DnsResponse r && r.id() == id) {
                                    DnsResponseCode code = r.code();
                                    if (code.equals(DnsResponseCode.NOERROR)) {
                                        session.succeed("DNS NOERROR");
                                    } else {
                                        session.fail("DNS rcode " + code.intValue() + " ("
                                                + code + ")");
                                    }
                                }
                            } finally {
                                ReferenceCountUtil.release(msg);
                            }
                        }
                    });
                },
                (session, channel) -> {
                    DatagramDnsQuery q = new DatagramDnsQuery(null, target, id)
                            .setRecursionDesired(true)
                            .addRecord(DnsSection.QUESTION,
                                    new DefaultDnsQuestion(spec.name(), type));
                    channel.writeAndFlush(q).addListener((ChannelFutureListener) f -> {
                        if (!f.isSuccess()) {
                            session.fail(f.cause());
                        }
                    });
                });
    }
}
