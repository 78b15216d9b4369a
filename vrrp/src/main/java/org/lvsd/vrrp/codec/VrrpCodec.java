package org.lvsd.vrrp.codec;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes and encodes VRRP advertisements. Layouts: RFC 3768 §5.1 (v2) and RFC 5798 §5.1
 * (v3). Checksums: v2 over the VRRP message only (RFC 3768 §5.3.8); v3 with the IPv4 or IPv6
 * pseudo-header (RFC 5798 §5.2.8), or, for IPv4 with {@code v3ChecksumAsV2}, without it as
 * some vendors compute it (keepalived {@code v3_checksum_as_v2}).
 */
public final class VrrpCodec {

    /** IP protocol number of VRRP (RFC 5798 §5.1.1.4, §5.1.2.4). */
    public static final int IP_PROTOCOL = 112;
    /** The fixed part: version/type, VRID, priority, count, auth/interval, checksum. */
    public static final int HEADER_LENGTH = 8;

    private VrrpCodec() {
    }

    /**
     * Decodes all remaining bytes of {@code buffer} as one VRRP message (the transport strips
     * link-layer padding using the IP length first).
     */
    public static VrrpAdvert decode(ByteBuffer buffer, IpContext ip, boolean v3ChecksumAsV2)
            throws VrrpProtocolException {
        int length = buffer.remaining();
        if (length < HEADER_LENGTH) {
            throw new VrrpProtocolException(RejectReason.TRUNCATED,
                    length + " bytes, the VRRP header needs " + HEADER_LENGTH);
        }
        byte[] msg = new byte[length];
        buffer.get(msg);
        // RFC 5798 §5.2.1-5.2.2: version in the high nibble, type in the low nibble.
        VrrpVersion version = VrrpVersion.valueOf((byte) ((msg[0] & 0xff) >>> 4));
        VrrpType.valueOf((byte) (msg[0] & 0x0f));
        AddressFamily family = ip.family();
        if (version == VrrpVersion.V2 && family == AddressFamily.INET6) {
            throw new VrrpProtocolException(RejectReason.BAD_VERSION, "VRRPv2 over IPv6 (RFC 3768 is IPv4 only)");
        }
        int vrid = msg[1] & 0xff;
        int priority = msg[2] & 0xff;
        int count = msg[3] & 0xff;
        AuthType authType = AuthType.NONE;
        int interval;
        if (version == VrrpVersion.V2) {
            // RFC 3768 §5.3.6-5.3.7: Auth Type byte, then Adver Int in seconds.
            authType = AuthType.valueOf(msg[4]);
            if (authType == AuthType.AH) {
                throw new VrrpProtocolException(RejectReason.AUTH_AH_UNSUPPORTED,
                        "auth type AH (IP Authentication Header) is not supported");
            }
            interval = msg[5] & 0xff;
        } else {
            // RFC 5798 §5.2.6-5.2.7: 4 reserved bits (ignored on receive), 12-bit centiseconds.
            interval = ((msg[4] & 0x0f) << 8) | (msg[5] & 0xff);
        }
        int checksum = ((msg[6] & 0xff) << 8) | (msg[7] & 0xff);
        int expected = expectedLength(version, family, count);
        if (length != expected) {
            throw new VrrpProtocolException(RejectReason.LENGTH_MISMATCH, "count " + count + " needs "
                    + expected + " bytes, got " + length);
        }
        // RFC 1071: the sum over the message including its checksum field is zero.
        if (checksumAccumulator(version, ip, v3ChecksumAsV2, length).add(msg).value() != 0) {
            throw new VrrpProtocolException(RejectReason.BAD_CHECKSUM,
                    "checksum 0x" + Integer.toHexString(checksum) + " does not verify");
        }
        int alen = family.addressLength();
        List<InetAddress> addresses = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] raw = new byte[alen];
            System.arraycopy(msg, HEADER_LENGTH + i * alen, raw, 0, alen);
            addresses.add(address(family, raw));
        }
        byte[] authData = new byte[version == VrrpVersion.V2 ? VrrpAdvert.AUTH_DATA_LENGTH : 0];
        System.arraycopy(msg, HEADER_LENGTH + count * alen, authData, 0, authData.length);
        return new VrrpAdvert(version, vrid, priority, interval, checksum, family, addresses,
                authType, authData);
    }

    /** Encodes {@code advert} with a freshly computed checksum. */
    public static byte[] encode(VrrpAdvert advert, IpContext ip, boolean v3ChecksumAsV2) {
        if (ip.family() != advert.family()) {
            throw new IllegalArgumentException("advert is " + advert.family() + ", IP context is " + ip.family());
        }
        byte[] msg = new byte[advert.length()];
        msg[0] = (byte) ((advert.version().byteValue() << 4) | VrrpType.ADVERTISEMENT.byteValue());
        msg[1] = (byte) advert.vrid();
        msg[2] = (byte) advert.priority();
        msg[3] = (byte) advert.addresses().size();
        if (advert.version() == VrrpVersion.V2) {
            msg[4] = advert.authType().byteValue();
            msg[5] = (byte) advert.advertInterval();
        } else {
            msg[4] = (byte) (advert.advertInterval() >>> 8);
            msg[5] = (byte) advert.advertInterval();
        }
        int offset = HEADER_LENGTH;
        for (InetAddress a : advert.addresses()) {
            byte[] raw = a.getAddress();
            System.arraycopy(raw, 0, msg, offset, raw.length);
            offset += raw.length;
        }
        byte[] authData = advert.authData();
        System.arraycopy(authData, 0, msg, offset, authData.length);
        int checksum = checksumAccumulator(advert.version(), ip, v3ChecksumAsV2, msg.length).add(msg).value();
        msg[6] = (byte) (checksum >>> 8);
        msg[7] = (byte) checksum;
        return msg;
    }

    static int expectedLength(VrrpVersion version, AddressFamily family, int count) {
        return HEADER_LENGTH + count * family.addressLength()
                + (version == VrrpVersion.V2 ? VrrpAdvert.AUTH_DATA_LENGTH : 0);
    }

    /** A checksum primed with the pseudo-header when RFC 5798 §5.2.8 asks for one. */
    private static InternetChecksum checksumAccumulator(VrrpVersion version, IpContext ip,
                                                        boolean v3ChecksumAsV2, int length) {
        InternetChecksum sum = new InternetChecksum();
        if (version == VrrpVersion.V2 || (ip.family() == AddressFamily.INET && v3ChecksumAsV2)) {
            return sum;
        }
        sum.add(ip.source().getAddress()).add(ip.destination().getAddress());
        if (ip.family() == AddressFamily.INET) {
            // RFC 768 style IPv4 pseudo-header: zero, protocol, 16-bit length.
            sum.add(new byte[] {0, (byte) IP_PROTOCOL, (byte) (length >>> 8), (byte) length});
        } else {
            // RFC 8200 §8.1 IPv6 pseudo-header: 32-bit length, three zeros, next header.
            sum.add(new byte[] {(byte) (length >>> 24), (byte) (length >>> 16), (byte) (length >>> 8),
                (byte) length, 0, 0, 0, (byte) IP_PROTOCOL});
        }
        return sum;
    }

    /** Inet6Address keeps IPv4-mapped IPv6 addresses in the IPv6 family. */
    private static InetAddress address(AddressFamily family, byte[] raw) {
        try {
            return family == AddressFamily.INET6
                    ? Inet6Address.getByAddress(null, raw, -1)
                    : InetAddress.getByAddress(raw);
        } catch (UnknownHostException e) {
            throw new IllegalStateException("4- or 16-byte address refused", e);
        }
    }
}
