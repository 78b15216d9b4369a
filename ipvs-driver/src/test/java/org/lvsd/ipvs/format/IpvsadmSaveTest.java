package org.lvsd.ipvs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.format.Golden.ip;
import static org.lvsd.ipvs.format.Golden.route;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.TunnelChecksum;
import org.lvsd.ipvs.TunnelType;
import org.lvsd.ipvs.VirtualService;

class IpvsadmSaveTest {

    @Test
    void saveTextOfTheGoldenTable() {
        assertEquals("-A -t 198.51.100.100:80 -s wrr\n"
                + "-a -t 198.51.100.100:80 -r 198.51.100.21:80 -g -w 3\n"
                + "-a -t 198.51.100.100:80 -r 198.51.100.22:80 -g -w 1\n"
                + "-A -t 10.0.0.1:80 -s rr\n"
                + "-A -u 198.51.100.100:53 -s rr -p 300 -M 255.255.255.0\n"
                + "-a -u 198.51.100.100:53 -r 198.51.100.21:53 -m -w 1\n"
                + "-A -u 198.51.100.100:5060 -s sed -p 60 --pe sip -o\n"
                + "-A -t [2001:db8::1]:443 -s mh -p 600 -M 64 -b mh-port\n"
                + "-a -t [2001:db8::1]:443 -r [2001:db8::21]:443 -g -w 1\n"
                + "-A -f 42 -s sh -b sh-fallback,sh-port\n"
                + "-a -f 42 -r 198.51.100.23:0 -i -w 2 --tun-type ipip\n", IpvsadmSave.save(Golden.table()));
    }

    @Test
    void tunnelRulesAndIpv6Fwmark() {
        ServiceKey mark6 = ServiceKey.fwmark(7, AddressFamily.INET6);
        var svc = Golden.service(VirtualService.of(mark6, "rr"),
                Golden.dest(route("2001:db8::24", 0, 1).withTunnel(TunnelType.GUE, 6080, TunnelChecksum.CSUM), 0, 0),
                Golden.dest(route("2001:db8::25", 0, 1).withTunnel(TunnelType.GRE, 0, TunnelChecksum.NOCSUM), 0, 0),
                Golden.dest(route("198.51.100.26", 0, 4).withTunnel(TunnelType.IPIP, 0, TunnelChecksum.NOCSUM),
                        0, 0),
                Golden.dest(route("2001:db8::27", 0, 1).withThresholds(10, 5), 0, 0));
        assertEquals("-A -f 7 -6 -s rr\n"
                + "-a -f 7 -6 -r 198.51.100.26:0 -i -w 4 --tun-type ipip\n"
                + "-a -f 7 -6 -r [2001:db8::24]:0 -i -w 1 --tun-type gue --tun-port 6080 --tun-csum\n"
                + "-a -f 7 -6 -r [2001:db8::25]:0 -i -w 1 --tun-type gre --tun-nocsum\n"
                + "-a -f 7 -6 -r [2001:db8::27]:0 -g -w 1\n", IpvsadmSave.save(List.of(svc)));
        assertEquals(ip("2001:db8::27"), svc.destinations().get(3).destination().server().address());
    }
}
