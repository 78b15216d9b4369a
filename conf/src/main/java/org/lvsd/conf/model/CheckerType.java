package org.lvsd.conf.model;

/** The checker blocks of a {@code real_server}, spelled as in keepalived.conf(5). */
public enum CheckerType {
    TCP_CHECK,
    HTTP_GET,
    SSL_GET,
    MISC_CHECK,
    SMTP_CHECK,
    DNS_CHECK,
    UDP_CHECK,
    PING_CHECK,
    FILE_CHECK;

    Block block() {
        return Block.valueOf(name());
    }
}
