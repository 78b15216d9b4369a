package org.lvsd.vrrp.codec;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One VRRP advertisement (type 1), version 2 (RFC 3768 §5.3) or version 3 (RFC 5798 §5.2).
 *
 * @param version        2 or 3
 * @param vrid           Virtual Rtr ID, 0..255 as received (only 1..255 is ever configured)
 * @param priority       0..255; 0 = master releasing, 255 = address owner (RFC 5798 §5.2.4)
 * @param advertInterval v2: 8-bit seconds (RFC 3768 §5.3.7); v3: 12-bit centiseconds
 *                       (RFC 5798 §5.2.7)
 * @param checksum       the checksum field as received; 0 in adverts built locally (encoding
 *                       always computes it)
 * @param family         family of {@code addresses} and of the carrying IP packet
 * @param addresses      the IPvX addresses; their number is the Count IPvX Addr field
 * @param authType       v2 Auth Type; always {@link AuthType#NONE} for v3
 * @param authData       v2: the 8 Authentication Data bytes (RFC 3768 §5.3.10); v3: empty
 */
public record VrrpAdvert(VrrpVersion version, int vrid, int priority, int advertInterval,
                         int checksum, AddressFamily family, List<InetAddress> addresses,
                         AuthType authType, byte[] authData) {

    /** Length of the v2 Authentication Data field (RFC 3768 §5.3.10). */
    public static final int AUTH_DATA_LENGTH = 8;
    /** Largest Count IPvX Addr value (an 8-bit field). */
    public static final int MAX_ADDRESSES = 255;

    public VrrpAdvert {
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(family, "family");
        Objects.requireNonNull(authType, "authType");
        requireRange("vrid", vrid, 0, 255);
        requireRange("priority", priority, 0, 255);
        requireRange("advertInterval", advertInterval, 0, version == VrrpVersion.V2 ? 0xff : 0xfff);
        requireRange("checksum", checksum, 0, 0xffff);
        addresses = List.copyOf(addresses);
        if (addresses.size() > MAX_ADDRESSES) {
            throw new IllegalArgumentException("more than 255 addresses: " + addresses.size());
        }
        for (InetAddress a : addresses) {
            if (!family.contains(a)) {
                throw new IllegalArgumentException("address " + a.getHostAddress() + " is not " + family);
            }
        }
        authData = authData.clone();
        if (version == VrrpVersion.V2) {
            if (family != AddressFamily.INET) {
                throw new IllegalArgumentException("VRRPv2 is IPv4 only (RFC 3768)");
            }
            if (authData.length != AUTH_DATA_LENGTH) {
                throw new IllegalArgumentException("v2 auth data must be 8 bytes, got " + authData.length);
            }
        } else if (authType != AuthType.NONE || authData.length != 0) {
            throw new IllegalArgumentException("VRRPv3 carries no authentication (RFC 5798 §9)");
        }
    }

    /** A locally built v2 advert; {@code authData} is the 8-byte field (zeros for NONE). */
    public static VrrpAdvert v2(int vrid, int priority, int advertIntervalSeconds,
                                List<InetAddress> addresses, AuthType authType, byte[] authData) {
        return new VrrpAdvert(VrrpVersion.V2, vrid, priority, advertIntervalSeconds, 0,
                AddressFamily.INET, addresses, authType, authData);
    }

    /** A locally built v3 advert. */
    public static VrrpAdvert v3(AddressFamily family, int vrid, int priority,
                                int advertIntervalCentis, List<InetAddress> addresses) {
        return new VrrpAdvert(VrrpVersion.V3, vrid, priority, advertIntervalCentis, 0, family,
                addresses, AuthType.NONE, new byte[0]);
    }

    @Override
    public byte[] authData() {
        return authData.clone();
    }

    /** The advert interval as a duration (seconds for v2, centiseconds for v3). */
    public Duration advertIntervalDuration() {
        return version == VrrpVersion.V2
                ? Duration.ofSeconds(advertInterval)
                : Duration.ofMillis(advertInterval * 10L);
    }

    /** Encoded length in bytes: 8-byte header, the addresses, v2 auth data. */
    public int length() {
        return 8 + addresses.size() * family.addressLength()
                + (version == VrrpVersion.V2 ? AUTH_DATA_LENGTH : 0);
    }

    /** The same advert with another checksum field value. */
    public VrrpAdvert withChecksum(int newChecksum) {
        return new VrrpAdvert(version, vrid, priority, advertInterval, newChecksum, family,
                addresses, authType, authData);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VrrpAdvert other
                && version == other.version && vrid == other.vrid && priority == other.priority
                && advertInterval == other.advertInterval && checksum == other.checksum
                && family == other.family && addresses.equals(other.addresses)
                && authType == other.authType && Arrays.equals(authData, other.authData);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, vrid, priority, advertInterval, checksum, family, addresses,
                authType, Arrays.hashCode(authData));
    }

    /** Leaves out the authentication data: it may be a password. */
    @Override
    public String toString() {
        return "VrrpAdvert[" + version + " vrid=" + vrid + " prio=" + priority + " int="
                + advertInterval + " csum=0x" + Integer.toHexString(checksum) + " "
                + addresses.stream().map(InetAddress::getHostAddress).toList()
                + (version == VrrpVersion.V2 ? " auth=" + authType : "")
                + "]";
    }

    private static void requireRange(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " out of range " + min + ".." + max + ": " + value);
        }
    }
}
