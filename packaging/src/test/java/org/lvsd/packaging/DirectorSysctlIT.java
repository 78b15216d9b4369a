package org.lvsd.packaging;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;

import org.junit.jupiter.api.Test;

/** The director drop-in loads with sysctl -p in a namespace of the test's own and sets what it says. */
class DirectorSysctlIT {

    @Test
    void theDropInLoadsAndSetsForwardingAndNoRedirects() {
        Netns.assumeRoot("DirectorSysctlIT");
        try (Netns ns = Netns.create("lvsdir")) {
            String file = Built.module().resolve("sysctl/60-lvsd-director.conf").toString();

            Command.Result r = ns.exec(Map.of(), "sysctl", "-p", file);

            assertEquals(new Command.Result(0, String.join("\n",
                    "net.ipv4.ip_forward = 1",
                    "net.ipv4.conf.all.send_redirects = 0",
                    "net.ipv4.conf.default.send_redirects = 0", ""), ""), r, r.describe());
            assertEquals("1\n0\n0\n", ns.ok("sysctl", "-n", "net.ipv4.ip_forward",
                    "net.ipv4.conf.all.send_redirects", "net.ipv4.conf.default.send_redirects"));
        }
    }
}
