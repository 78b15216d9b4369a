package org.lvsd.ipvs.kernel;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import org.lvsd.ipvs.AddressFamily;
import org.lvsd.netlink.NetlinkProtocolException;
import org.lvsd.netlink.NlAttr;

/** Addresses as IPVS carries them: {@code union nf_inet_addr}, 16 bytes, IPv4 in the first 4. */
final class InetAttr {
    /** {@code sizeof(union nf_inet_addr)}. */
    static final int SIZE = 16;

    private InetAttr() {
    }

    /** The 16-byte form of an address, zero-filled after an IPv4 address. */
    static byte[] encode(InetAddress address) {
        return Arrays.copyOf(address.getAddress(), SIZE);
    }

    /** The address of the given family in an attribute of at least 4 (IPv4) or 16 (IPv6) bytes. */
    static InetAddress decode(NlAttr attr, AddressFamily family) {
        int len = family == AddressFamily.INET ? 4 : 16;
        if (attr.value().length < len) {
            throw new NetlinkProtocolException("attribute " + attr.type() + ": " + attr.value().length
                    + " bytes is too short for an " + family + " address");
        }
        try {
            return InetAddress.getByAddress(Arrays.copyOf(attr.value(), len));
        } catch (UnknownHostException e) {
            throw new NetlinkProtocolException("attribute " + attr.type() + ": " + e.getMessage());
        }
    }

    /** The family with this AF_* number; a protocol exception for others. */
    static AddressFamily family(int af) {
        for (AddressFamily f : AddressFamily.values()) {
            if (f.value() == af) {
                return f;
            }
        }
        throw new NetlinkProtocolException("unknown address family " + af);
    }
}
