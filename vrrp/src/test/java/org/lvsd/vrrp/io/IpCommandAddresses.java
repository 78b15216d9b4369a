package org.lvsd.vrrp.io;

import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Test-only {@link AddressManager} running {@code ip addr} in the current network namespace. */
final class IpCommandAddresses implements AddressManager {

    private final String interfaceName;

    IpCommandAddresses(String interfaceName) {
        this.interfaceName = interfaceName;
    }

    @Override
    public void add(List<InetAddress> vips) {
        vips.forEach(vip -> ip("add", vip));
    }

    @Override
    public void remove(List<InetAddress> vips) {
        vips.forEach(vip -> ip("del", vip));
    }

    private void ip(String verb, InetAddress vip) {
        String prefix = vip.getHostAddress() + (vip instanceof Inet4Address ? "/32" : "/128");
        try {
            Process p = new ProcessBuilder("ip", "addr", verb, prefix, "dev", interfaceName)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            throw new IllegalStateException("ip addr " + verb + " " + prefix + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
