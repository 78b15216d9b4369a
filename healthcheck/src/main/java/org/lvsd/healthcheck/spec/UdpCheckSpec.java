package org.lvsd.healthcheck.spec;

import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * UDP_CHECK: send {@code payload}; an ICMP port unreachable is a failure. With
 * {@code require_reply}, a reply must arrive within {@code connect_timeout}, its length must lie
 * in [{@code min_reply_length}, {@code max_reply_length}] and its leading bytes must match the
 * hex pattern, where an {@code X} nibble matches anything. Without it, silence for the whole
 * timeout is a pass (no ICMP error arrived).
 *
 * @param payloadHex   bytes to send, as hex (may be empty)
 * @param requireReply hex pattern with {@code X} wildcards; empty = no reply required
 */
public record UdpCheckSpec(CheckTiming timing, ConnectOptions connect, String payloadHex,
                           Optional<String> requireReply, int minReplyLength,
                           int maxReplyLength) implements CheckerSpec {

    public UdpCheckSpec {
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(connect, "connect");
        payloadHex = payloadHex.toLowerCase(Locale.ROOT);
        HexFormat.of().parseHex(payloadHex);
        requireReply = requireReply.map(r -> r.toUpperCase(Locale.ROOT));
        requireReply.ifPresent(r -> {
            if (!r.matches("([0-9A-FX]{2})*")) {
                throw new IllegalArgumentException("bad require_reply pattern " + r);
            }
        });
        if (minReplyLength < 0 || maxReplyLength < minReplyLength) {
            throw new IllegalArgumentException("bad reply length bounds");
        }
    }

    public byte[] payload() {
        return HexFormat.of().parseHex(payloadHex);
    }

    @Override
    public String kind() {
        return "UDP_CHECK";
    }
}
