package org.lvsd.conf.model;

/**
 * {@code authentication { auth_type PASS|AH; auth_pass P }} (VRRPv2 only).
 *
 * @param type PASS or AH
 * @param password the password, cut to the 8 characters keepalived uses
 * @param where origin
 */
public record Authentication(Type type, String password, Where where) {

    /** The two VRRPv2 authentication types. */
    public enum Type {
        PASS,
        AH
    }
}
