package org.lvsd.conf.model;

/** The keyword blocks of keepalived.conf(5) that lvsd reads, named as in the file. */
public enum Block {
    ROOT("(top level)"),
    GLOBAL_DEFS("global_defs"),
    VRRP_SCRIPT("vrrp_script"),
    TRACK_FILE("track_file"),
    VRRP_SYNC_GROUP("vrrp_sync_group"),
    VRRP_INSTANCE("vrrp_instance"),
    AUTHENTICATION("authentication"),
    VIRTUAL_SERVER("virtual_server"),
    REAL_SERVER("real_server"),
    TCP_CHECK("TCP_CHECK"),
    HTTP_GET("HTTP_GET"),
    SSL_GET("SSL_GET"),
    URL("url"),
    MISC_CHECK("MISC_CHECK"),
    SMTP_CHECK("SMTP_CHECK"),
    DNS_CHECK("DNS_CHECK"),
    UDP_CHECK("UDP_CHECK"),
    PING_CHECK("PING_CHECK"),
    FILE_CHECK("FILE_CHECK");

    private final String spelling;

    Block(String spelling) {
        this.spelling = spelling;
    }

    /** The block's keyword as written in keepalived.conf. */
    public String spelling() {
        return spelling;
    }
}
