package org.lvsd.ipvs.kernel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.lvsd.ipvs.ApplyResult;
import org.lvsd.ipvs.TableChange;
import org.lvsd.ipvs.format.RestoreCommand;
import org.lvsd.ipvs.format.RestoreParser;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.genl.GenlFamilies;
import org.lvsd.netlink.genl.GenlFamily;
import org.lvsd.netlink.socket.NetlinkSocket;
import org.lvsd.netlink.socket.NetworkNamespace;

/**
 * Benchmark (not a test; packaging/kvm/bench-apply.sh runs it inside the VM): applies an ipvsadm
 * restore file ({@code args[0]}, -A and -a lines) to the kernel through {@link KernelIpvsDriver#apply}
 * in one pipelined batch, once in each network namespace named by the further arguments (fresh
 * ones, so every round starts from an empty IPVS of its own), checks that every change was
 * acknowledged and the kernel lists the expected number of services, and prints the time each
 * apply took. The first round includes the JIT's warm-up.
 */
public final class ApplyBench {
    private ApplyBench() {
    }

    public static void main(String[] args) throws Exception {
        List<TableChange> changes = new ArrayList<>();
        long services = 0;
        for (RestoreCommand c : RestoreParser.parse(Files.readString(Path.of(args[0])))) {
            if (c instanceof RestoreCommand.Change ch && (ch.change() instanceof TableChange.AddService
                    || ch.change() instanceof TableChange.AddDestination)) {
                changes.add(ch.change());
                services += ch.change() instanceof TableChange.AddService ? 1 : 0;
            } else {
                throw new IllegalArgumentException("line " + c.line() + ": only -A and -a lines are benchmarked");
            }
        }
        for (int round = 1; round < args.length; round++) {
            NetlinkSocket s = NetworkNamespace.call(Path.of("/run/netns", args[round]),
                    () -> NetlinkSocket.open(Netlink.NETLINK_GENERIC));
            GenlFamily family = new GenlFamilies(s).resolve(IpvsAttr.FAMILY).orElseThrow();
            try (KernelIpvsDriver driver = new KernelIpvsDriver(s, family, KernelIpvsDriver.PROC_CONN)) {
                long start = System.nanoTime();
                ApplyResult r = driver.apply(changes);
                long micros = (System.nanoTime() - start) / 1000;
                if (!r.allApplied()) {
                    throw new IllegalStateException(r.failures().size() + " changes refused, first: "
                            + r.failures().get(0).error().getMessage());
                }
                int listed = driver.list().size();
                if (listed != services) {
                    throw new IllegalStateException("kernel lists " + listed + " services, expected " + services);
                }
                System.out.println("lvsd-apply-us " + micros + " changes " + changes.size() + " round " + round);
            }
        }
    }
}
