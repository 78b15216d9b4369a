package org.lvsd.ipvs.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.lvsd.ipvs.format.Golden.ip;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;

class IpvsadmOrderTest {

    private static List<String> order(String... addresses) {
        List<ServiceEntry> in = new ArrayList<>();
        for (String a : addresses) {
            in.add(Golden.service(VirtualService.of(ServiceKey.tcp(ip(a), 80), "rr")));
        }
        return IpvsadmOrder.services(in).stream().map(s -> s.service().key().address().getHostAddress()).toList();
    }

    @Test
    void addressesWithinHalfTheSpaceSortNumerically() {
        assertEquals(List.of("10.0.0.1", "10.0.0.2", "100.0.0.1"), order("100.0.0.1", "10.0.0.2", "10.0.0.1"));
    }

    @Test
    void wrappedDifferencesMakeTheOrderDependOnInputLikeGlibcMsort() {
        // 10 < 100 < 200 pairwise by wrapped difference, yet 200 < 10
        assertEquals(List.of("10.0.0.1", "100.0.0.1", "200.0.0.1"), order("10.0.0.1", "100.0.0.1", "200.0.0.1"));
        assertEquals(List.of("200.0.0.1", "10.0.0.1", "100.0.0.1"), order("200.0.0.1", "10.0.0.1", "100.0.0.1"));
    }

    @Test
    void manyCyclicAddressesSortWithoutComplaint() {
        String[] many = new String[300];
        for (int i = 0; i < many.length; i++) {
            many[i] = ((i * 37) % 250 + 1) + ".0.0." + (i % 250 + 1);
        }
        assertEquals(300, order(many).size());
    }
}
