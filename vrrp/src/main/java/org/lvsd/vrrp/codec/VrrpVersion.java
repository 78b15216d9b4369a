package org.lvsd.vrrp.codec;

/** The 4-bit Version field (RFC 3768 §5.3.1, RFC 5798 §5.2.1). */
public enum VrrpVersion {
    V2(2),
    V3(3);

    private final int value;

    VrrpVersion(int value) {
        this.value = value;
    }

    public byte byteValue() {
        return (byte) value;
    }

    public static VrrpVersion valueOf(byte value) throws VrrpProtocolException {
        for (VrrpVersion v : values()) {
            if (v.value == value) {
                return v;
            }
        }
        throw new VrrpProtocolException(RejectReason.BAD_VERSION, "unknown VRRP version " + value);
    }
}
