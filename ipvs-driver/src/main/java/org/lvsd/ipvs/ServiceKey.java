package org.lvsd.ipvs;

import java.net.InetAddress;
import java.util.Objects;

/**
 * Identity of a virtual service: either (protocol, address, port) or a firewall mark, each within
 * an address family. For fwmark services {@code address} is null and {@code port} 0; the protocol
 * is kept as TCP, as ipvsadm sets it ("a sane value, even though it is not used").
 *
 * <p>{@link #toString()} names the service as ipvsadm's listing does, without column padding:
 * {@code TCP 198.51.100.100:80}, {@code UDP [2001:db8::1]:53}, {@code FWM 42}, {@code FWM 42 IPv6}.
 */
public record ServiceKey(AddressFamily family, Protocol protocol, InetAddress address, int port, int fwmark) {

    public ServiceKey {
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(protocol, "protocol");
        if (fwmark != 0) {
            if (address != null || port != 0) {
                throw new IllegalArgumentException("a fwmark service has no address or port");
            }
        } else {
            Objects.requireNonNull(address, "address");
            if (protocol == Protocol.IP) {
                throw new IllegalArgumentException("a service protocol is TCP, UDP or SCTP");
            }
            if (AddressFamily.of(address) != family) {
                throw new IllegalArgumentException("address " + address + " is not in family " + family);
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port out of range: " + port);
            }
        }
    }

    /** A TCP service. */
    public static ServiceKey tcp(InetAddress address, int port) {
        return of(Protocol.TCP, address, port);
    }

    /** A UDP service. */
    public static ServiceKey udp(InetAddress address, int port) {
        return of(Protocol.UDP, address, port);
    }

    /** An SCTP service. */
    public static ServiceKey sctp(InetAddress address, int port) {
        return of(Protocol.SCTP, address, port);
    }

    /** A protocol/address/port service. */
    public static ServiceKey of(Protocol protocol, InetAddress address, int port) {
        return new ServiceKey(AddressFamily.of(address), protocol, address, port, 0);
    }

    /** A firewall-mark service ({@code fwmark} 1 to 2^32-1, given as an unsigned int). */
    public static ServiceKey fwmark(int fwmark, AddressFamily family) {
        if (fwmark == 0) {
            throw new IllegalArgumentException("fwmark must not be 0");
        }
        return new ServiceKey(family, Protocol.TCP, null, 0, fwmark);
    }

    /** True for firewall-mark services. */
    public boolean isFwmark() {
        return fwmark != 0;
    }

    /** The mark as an unsigned number. */
    public long fwmarkUnsigned() {
        return Integer.toUnsignedLong(fwmark);
    }

    @Override
    public String toString() {
        if (isFwmark()) {
            return "FWM " + fwmarkUnsigned() + (family == AddressFamily.INET6 ? " IPv6" : "");
        }
        return protocol.label() + " " + AddressText.withPort(address, port);
    }
}
