package org.lvsd.ipvs.userspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import org.junit.jupiter.api.Test;

/** The stdin commands of {@link ForwarderMain} against a forwarder on a loopback address. */
class ForwarderMainTest {
    @Test
    void applyListAndErrors() throws Exception {
        try (UserspaceIpvsDriver driver = new UserspaceIpvsDriver(Clock.systemUTC(), ForwarderOptions.DEFAULT)) {
            int port = Loopback.freePort("127.0.0.100");
            assertEquals("ok\n", ForwarderMain.answer(driver, "apply -A -t 127.0.0.100:" + port + " -s wlc"));
            assertEquals("ok\n", ForwarderMain.answer(driver,
                    "apply -a -t 127.0.0.100:" + port + " -r 127.0.0.21:8080 -m -w 3"));
            String list = ForwarderMain.answer(driver, "list");
            assertTrue(list.contains("TCP  127.0.0.100:" + port + " wlc\n"), list);
            assertTrue(list.contains("  -> 127.0.0.21:8080              Masq    3      0          0         \n"), list);
            String refused = ForwarderMain.answer(driver, "apply -a -t 127.0.0.100:" + port + " -r 127.0.0.22:80 -i");
            assertTrue(refused.startsWith("error: "), refused);
            assertEquals("unknown command: bogus\n", ForwarderMain.answer(driver, "bogus"));
            assertEquals("direct routing off\n", ForwarderMain.answer(driver, "dr"));
        }
    }
}
