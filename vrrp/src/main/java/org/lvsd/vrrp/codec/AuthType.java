package org.lvsd.vrrp.codec;

/**
 * Version 2 Auth Type (RFC 3768 §5.3.6; the values come from RFC 2338 §5.3.6). Version 3 has
 * no authentication field.
 */
public enum AuthType {
    /** 0: no authentication. */
    NONE(0),
    /** 1: simple text password, up to 8 bytes (RFC 2338 §5.3.6.1). */
    PASS(1),
    /** 2: IP Authentication Header (RFC 2338 §5.3.6.2); recognised but refused by lvsd. */
    AH(2);

    private final int value;

    AuthType(int value) {
        this.value = value;
    }

    public byte byteValue() {
        return (byte) value;
    }

    public static AuthType valueOf(byte value) throws VrrpProtocolException {
        for (AuthType t : values()) {
            if (t.value == value) {
                return t;
            }
        }
        throw new VrrpProtocolException(RejectReason.BAD_AUTH_TYPE,
                "unknown VRRPv2 auth type " + Byte.toUnsignedInt(value));
    }
}
