package org.lvsd.netlink.route;

import org.lvsd.netlink.NetlinkProtocolException;

/** What a policy routing rule does ({@code fib_rule_hdr.action}, {@code FR_ACT_*} of {@code fib_rules.h}). */
public enum RuleAction {
    /** {@code FR_ACT_TO_TBL}: look the packet up in the rule's table ({@code ip rule ... table N}). */
    TO_TABLE(1),
    /** {@code FR_ACT_BLACKHOLE}: drop silently. */
    BLACKHOLE(6),
    /** {@code FR_ACT_UNREACHABLE}: drop with network unreachable. */
    UNREACHABLE(7),
    /** {@code FR_ACT_PROHIBIT}: drop with administratively prohibited. */
    PROHIBIT(8);

    private final int value;

    RuleAction(int value) {
        this.value = value;
    }

    /** The wire value. */
    public byte byteValue() {
        return (byte) value;
    }

    /** The action for a wire value; a protocol exception for values lvsd does not model. */
    public static RuleAction valueOf(byte value) {
        for (RuleAction a : values()) {
            if (a.value == Byte.toUnsignedInt(value)) {
                return a;
            }
        }
        throw new NetlinkProtocolException("unsupported fib rule action " + Byte.toUnsignedInt(value));
    }
}
