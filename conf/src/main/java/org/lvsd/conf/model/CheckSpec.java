package org.lvsd.conf.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** What a checker does beyond the common options, one record per checker type. */
public sealed interface CheckSpec {

    /** {@code TCP_CHECK}: a connect within connect_timeout. */
    record Tcp() implements CheckSpec {
    }

    /** {@code PING_CHECK}: an ICMP echo reply. */
    record Ping() implements CheckSpec {
    }

    /**
     * {@code HTTP_GET} / {@code SSL_GET}.
     *
     * @param tls SSL_GET
     * @param urls the URLs, all of which must pass
     * @param httpProtocol {@code http_protocol} 1.0 (default), 1.0C or 1.1
     * @param fastRecovery {@code fast_recovery}
     * @param enableSni {@code enable_sni}
     * @param sniName {@code sni_name}
     * @param verifyCert lvsd {@code verify_cert}: verify the server certificate
     * @param caFile lvsd {@code ca_file}: trust anchors for verify_cert (default the system's)
     */
    record Http(boolean tls, List<UrlCheck> urls, String httpProtocol, boolean fastRecovery, boolean enableSni,
            Optional<String> sniName, boolean verifyCert, Optional<String> caFile) implements CheckSpec {

        public Http {
            urls = List.copyOf(urls);
        }
    }

    /**
     * {@code MISC_CHECK}.
     *
     * @param command {@code misc_path} with {@code user}
     * @param timeout {@code misc_timeout} (default delay_loop)
     * @param dynamic {@code misc_dynamic}: exit codes 2..255 set the weight
     */
    record Misc(Command command, Duration timeout, boolean dynamic) implements CheckSpec {
    }

    /**
     * {@code SMTP_CHECK}.
     *
     * @param heloName {@code helo_name} (default the global smtp_helo_name)
     */
    record Smtp(Optional<String> heloName) implements CheckSpec {
    }

    /**
     * {@code DNS_CHECK}.
     *
     * @param type query type (default SOA)
     * @param name query name (default ".")
     */
    record Dns(String type, String name) implements CheckSpec {
    }

    /**
     * {@code UDP_CHECK}.
     *
     * @param payload {@code payload} hex
     * @param requireReply whether a reply is needed
     * @param replyPattern {@code require_reply} hex, X as a wildcard nibble
     * @param minReplyLength {@code min_reply_length} (0)
     * @param maxReplyLength {@code max_reply_length} (255)
     */
    record Udp(Optional<String> payload, boolean requireReply, Optional<String> replyPattern, int minReplyLength,
            int maxReplyLength) implements CheckSpec {
    }

    /**
     * {@code FILE_CHECK}.
     *
     * @param trackFile the {@code track_file} name
     * @param dynamic {@code dynamic}: the value sets the weight
     * @param weight multiplier (default 1)
     * @param reverse {@code reverse}
     */
    record File(String trackFile, boolean dynamic, int weight, boolean reverse) implements CheckSpec {
    }
}
