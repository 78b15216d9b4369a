import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.util.ReferenceCountUtil;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark real servers (not a test): one process, two epoll threads, N listeners on
 * BenchAddresses.of(i):port. The first half close every connection at once (TCP_CHECK targets),
 * the second half answer any request with "HTTP/1.0 200 OK" and close (HTTP_GET / httpchk
 * targets). Servers whose index is a multiple of victimEvery are victims. Commands on stdin:
 * "kill" closes the victims' listeners and prints "killed EPOCH_MS"; "revive" binds them again
 * and prints "revived"; "count" prints "count N TCP HTTP", the connections accepted so far in
 * all, by the TCP half and by the HTTP half; end of input exits. A client that resets its
 * connection while it still waits in the listen queue may never be counted.
 *
 * Arguments: servers port victimEvery
 */
public final class BenchServers {

    private static final byte[] OK = ("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n"
            + "Content-Length: 3\r\nConnection: close\r\n\r\nok\n")
            .getBytes(StandardCharsets.US_ASCII);

    private static final AtomicLong ACCEPTED_TCP = new AtomicLong();
    private static final AtomicLong ACCEPTED_HTTP = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int servers = Integer.parseInt(args[0]);
        int port = Integer.parseInt(args[1]);
        int victimEvery = Integer.parseInt(args[2]);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(2, EpollIoHandler.newFactory());
        Channel[] listeners = new Channel[servers];
        for (int i = 0; i < servers; i++) {
            listeners[i] = bind(group, i, port, i >= servers / 2);
        }
        System.out.println("ready " + servers);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in,
                StandardCharsets.US_ASCII));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.equals("kill")) {
                List<io.netty.channel.ChannelFuture> closing = new ArrayList<>();
                long at = System.currentTimeMillis();
                for (int i = 0; i < servers; i += victimEvery) {
                    closing.add(listeners[i].close());
                }
                closing.forEach(io.netty.channel.ChannelFuture::syncUninterruptibly);
                System.out.println("killed " + at + " " + closing.size());
            } else if (line.equals("count")) {
                long tcp = ACCEPTED_TCP.get();
                long http = ACCEPTED_HTTP.get();
                System.out.println("count " + (tcp + http) + " " + tcp + " " + http);
            } else if (line.equals("revive")) {
                for (int i = 0; i < servers; i += victimEvery) {
                    listeners[i] = bind(group, i, port, i >= servers / 2);
                }
                System.out.println("revived");
            }
        }
        group.shutdownGracefully().syncUninterruptibly();
    }

    private static Channel bind(EventLoopGroup group, int i, int port, boolean http)
            throws Exception {
        return new ServerBootstrap().group(group).channel(EpollServerSocketChannel.class)
                .option(ChannelOption.SO_REUSEADDR, true)
                .option(ChannelOption.SO_BACKLOG, 64)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        (http ? ACCEPTED_HTTP : ACCEPTED_TCP).incrementAndGet();
                        ch.pipeline().addLast(new ChannelInboundHandlerAdapter() {
                            @Override
                            public void channelActive(ChannelHandlerContext ctx) {
                                if (!http) {
                                    ctx.close();
                                }
                            }

                            @Override
                            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                                ReferenceCountUtil.release(msg);
                                if (ctx.channel().isActive()) {
                                    ctx.writeAndFlush(Unpooled.wrappedBuffer(OK))
                                            .addListener(ChannelFutureListener.CLOSE);
                                }
                            }
                        });
                    }
                })
                .bind(new InetSocketAddress(BenchAddresses.of(i), port)).sync().channel();
    }
}
