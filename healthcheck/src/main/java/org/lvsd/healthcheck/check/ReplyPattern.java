package org.lvsd.healthcheck.check;

import java.util.Locale;

/**
 * UDP_CHECK {@code require_reply}: hex digits, where {@code X} matches any nibble. The reply
 * must be at least as long as the pattern and its leading bytes must match.
 */
final class ReplyPattern {

    private final String pattern;

    ReplyPattern(String hex) {
        this.pattern = hex.toUpperCase(Locale.ROOT);
        if (!pattern.matches("([0-9A-FX]{2})*")) {
            throw new IllegalArgumentException("bad reply pattern " + hex);
        }
    }

    boolean matches(byte[] reply) {
        if (reply.length * 2 < pattern.length()) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            char want = pattern.charAt(i);
            if (want == 'X') {
                continue;
            }
            int b = reply[i / 2] & 0xff;
            int nibble = i % 2 == 0 ? b >>> 4 : b & 0xf;
            if (Character.digit(want, 16) != nibble) {
                return false;
            }
        }
        return true;
    }
}
