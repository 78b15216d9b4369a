package org.lvsd.ipvs.format;

import java.net.InetAddress;
import java.util.Comparator;
import java.util.List;
import org.lvsd.ipvs.DestinationEntry;
import org.lvsd.ipvs.ServiceEntry;
import org.lvsd.ipvs.ServiceKey;

/**
 * ipvsadm's default sort (libipvs ipvs_cmp_services / ipvs_cmp_dests): services by fwmark, address
 * family, protocol, address, port; destinations by address, port. Like libipvs, address words and
 * marks are compared by the sign of their 32-bit difference, so addresses more than 2^31 apart
 * compare "backwards" (10.0.0.1 sorts after 200.0.0.1), and the result depends on the input order
 * and on glibc's merge sort, which {@link MergeSort} reproduces.
 */
final class IpvsadmOrder {
    private static final Comparator<ServiceEntry> SERVICES = (a, b) -> compare(a.service().key(), b.service().key());
    private static final Comparator<DestinationEntry> DESTS = (a, b) -> {
        int r = compareAddresses(a.destination().server().address(), b.destination().server().address());
        return r != 0 ? r : a.destination().server().port() - b.destination().server().port();
    };

    private IpvsadmOrder() {
    }

    static List<ServiceEntry> services(List<ServiceEntry> in) {
        return MergeSort.sort(in, SERVICES);
    }

    static List<DestinationEntry> destinations(List<DestinationEntry> in) {
        return MergeSort.sort(in, DESTS);
    }

    private static int compare(ServiceKey a, ServiceKey b) {
        int r = a.fwmark() - b.fwmark();
        if (r != 0) {
            return r;
        }
        r = a.family().value() - b.family().value();
        if (r != 0) {
            return r;
        }
        r = a.protocol().number() - b.protocol().number();
        if (r != 0) {
            return r;
        }
        if (a.address() != null && b.address() != null) {
            r = compareAddresses(a.address(), b.address());
            if (r != 0) {
                return r;
            }
        }
        return a.port() - b.port();
    }

    /** Word by word (one word for IPv4, four for IPv6), the sign of the wrapped 32-bit difference. */
    private static int compareAddresses(InetAddress a, InetAddress b) {
        byte[] x = a.getAddress();
        byte[] y = b.getAddress();
        int words = Math.min(x.length, y.length) / 4;
        int r = 0;
        for (int i = 0; r == 0 && i < words; i++) {
            r = word(x, i) - word(y, i);
        }
        return r;
    }

    private static int word(byte[] b, int i) {
        return ((b[4 * i] & 0xff) << 24) | ((b[4 * i + 1] & 0xff) << 16) | ((b[4 * i + 2] & 0xff) << 8)
                | (b[4 * i + 3] & 0xff);
    }
}
