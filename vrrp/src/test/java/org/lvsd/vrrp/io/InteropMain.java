package org.lvsd.vrrp.io;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.lvsd.vrrp.codec.VrrpVersion;
import org.lvsd.vrrp.config.Authentication;
import org.lvsd.vrrp.config.InstanceParams;
import org.lvsd.vrrp.fsm.VrrpInstance;
import org.lvsd.vrrp.rx.AdvertReceiver;
import org.lvsd.vrrp.time.ExecutorScheduler;

/**
 * One lvsd VRRP instance on a real interface, for {@link KeepalivedInteropIT}; runs inside a
 * test namespace via {@code ip netns exec}. Prints {@code TRANSITION <from> <to> <reason>}
 * lines; "stop" on stdin (or EOF, or the time limit) stops the instance and exits.
 *
 * <p>Arguments: interface vrid priority version advertMillis password|- vip primary maxSeconds
 */
public final class InteropMain {

    private InteropMain() {
    }

    public static void main(String[] args) throws Exception {
        String ifname = args[0];
        InstanceParams.Builder b = InstanceParams.builder("VI_LVSD", Integer.parseInt(args[1]),
                        InetAddress.getByName(args[7]))
                .priority(Integer.parseInt(args[2]))
                .version(args[3].equals("3") ? VrrpVersion.V3 : VrrpVersion.V2)
                .advertInterval(Duration.ofMillis(Long.parseLong(args[4])))
                .vips(List.of(InetAddress.getByName(args[6])));
        if (!args[5].equals("-")) {
            b.auth(Authentication.pass(args[5]));
        }
        InstanceParams params = b.build();
        long maxSeconds = Long.parseLong(args[8]);

        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        try (PcapAdvertTransport transport = PcapAdvertTransport.open(ifname, params.family(), params.multicastGroup())) {
            ExecutorScheduler scheduler = new ExecutorScheduler(executor);
            FrameActions actions = new FrameActions(params, transport, new IpCommandAddresses(ifname), t -> {
                System.out.println("TRANSITION " + t.from() + " " + t.to() + " " + t.reason());
                System.out.flush();
            });
            VrrpInstance instance = new VrrpInstance(params, actions, scheduler);
            AdvertReceiver receiver = new AdvertReceiver(instance, scheduler, AdvertReceiver.DEFAULT_LOG_INTERVAL);
            transport.start(r -> executor.execute(() -> receiver.receive(ByteBuffer.wrap(r.vrrp()), r.ip())));
            executor.execute(instance::start);
            System.out.println("READY");
            System.out.flush();
            Thread stdin = new Thread(() -> waitForStop(), "stdin");
            stdin.setDaemon(true);
            stdin.start();
            stdin.join(TimeUnit.SECONDS.toMillis(maxSeconds));
            executor.submit(instance::stop).get(5, TimeUnit.SECONDS);
            System.out.println("STOPPED accepted=" + receiver.counters().accepted()
                    + " rejected=" + receiver.counters().rejectedTotal());
            System.out.flush();
        } finally {
            executor.shutdownNow();
        }
    }

    private static void waitForStop() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null && !line.trim().equals("stop")) {
                System.out.println("ignored input: " + line);
            }
        } catch (java.io.IOException e) {
            System.out.println("stdin closed: " + e.getMessage());
        }
    }
}
