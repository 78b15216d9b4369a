package org.lvsd.healthcheck.check;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.handler.codec.dns.DatagramDnsQuery;
import io.netty.handler.codec.dns.DatagramDnsQueryDecoder;
import io.netty.handler.codec.dns.DatagramDnsResponse;
import io.netty.handler.codec.dns.DatagramDnsResponseEncoder;
import io.netty.handler.codec.dns.DefaultDnsQuestion;
import io.netty.handler.codec.dns.DnsQuestion;
import io.netty.handler.codec.dns.DnsResponseCode;
import io.netty.handler.codec.dns.DnsSection;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A DNS server on 127.0.0.1 for tests: answers NXDOMAIN for names starting with "missing",
 * stays silent for names starting with "silent", NOERROR (no answers) otherwise.
 */
final class TinyDnsServer implements AutoCloseable {

    private final EventLoopGroup group =
            new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    final List<String> questions = new CopyOnWriteArrayList<>();

    TinyDnsServer() throws InterruptedException {
        channel = new Bootstrap().group(group).channel(NioDatagramChannel.class)
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline().addLast(new DatagramDnsQueryDecoder(),
                                new DatagramDnsResponseEncoder(),
                                new SimpleChannelInboundHandler<DatagramDnsQuery>() {
                                    @Override
                                    protected void channelRead0(ChannelHandlerContext ctx,
                                                                DatagramDnsQuery q) {
                                        answer(ctx, q);
                                    }
                                });
                    }
                })
                .bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)).sync().channel();
    }

    private void answer(ChannelHandlerContext ctx, DatagramDnsQuery q) {
        DnsQuestion question = q.recordAt(DnsSection.QUESTION);
        questions.add(question.name() + " " + question.type().name() + " rd="
                + q.isRecursionDesired());
        if (question.name().startsWith("silent")) {
            return;
        }
        DatagramDnsResponse r = new DatagramDnsResponse(q.recipient(), q.sender(), q.id());
        r.addRecord(DnsSection.QUESTION, new DefaultDnsQuestion(question.name(), question.type()));
        r.setCode(question.name().startsWith("missing")
                ? DnsResponseCode.NXDOMAIN : DnsResponseCode.NOERROR);
        ctx.writeAndFlush(r);
    }

    InetSocketAddress address() {
        return (InetSocketAddress) channel.localAddress();
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, java.util.concurrent.TimeUnit.SECONDS)
                .syncUninterruptibly();
    }
}
