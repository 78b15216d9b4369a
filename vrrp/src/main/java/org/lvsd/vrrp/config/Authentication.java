package org.lvsd.vrrp.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.lvsd.vrrp.codec.AuthType;

/**
 * VRRPv2 authentication (RFC 3768 §5.3.6 keeps the field; RFC 2338 §5.3.6.1 defines the
 * simple text password). Only NONE and PASS are supported: AH is refused here.
 */
public final class Authentication {

    public static final Authentication NONE = new Authentication(AuthType.NONE, new byte[8]);

    private final AuthType type;
    private final byte[] data;

    private Authentication(AuthType type, byte[] data) {
        this.type = type;
        this.data = data;
    }

    /** keepalived uses the first 8 characters of {@code auth_pass}; shorter ones are zero-padded. */
    public static Authentication pass(String password) {
        byte[] raw = password.getBytes(StandardCharsets.UTF_8);
        if (raw.length == 0) {
            throw new IllegalArgumentException("empty auth_pass");
        }
        return new Authentication(AuthType.PASS, Arrays.copyOf(raw, 8));
    }

    public AuthType type() {
        return type;
    }

    /** The 8 Authentication Data bytes sent and expected. */
    public byte[] data() {
        return data.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Authentication other && type == other.type && Arrays.equals(data, other.data);
    }

    @Override
    public int hashCode() {
        return 31 * type.hashCode() + Arrays.hashCode(data);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "Authentication[" + type + "]";
    }
}
