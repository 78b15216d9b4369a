package org.lvsd.vrrp.codec;

/** The 4-bit Type field; only ADVERTISEMENT (1) is defined (RFC 5798 §5.2.2, RFC 3768 §5.3.2). */
public enum VrrpType {
    ADVERTISEMENT(1);

    private final int value;

    VrrpType(int value) {
        this.value = value;
    }

    public byte byteValue() {
        return (byte) value;
    }

    public static VrrpType valueOf(byte value) throws VrrpProtocolException {
        for (VrrpType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        throw new VrrpProtocolException(RejectReason.BAD_TYPE, "unknown VRRP type " + value);
    }
}
