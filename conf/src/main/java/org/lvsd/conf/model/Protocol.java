package org.lvsd.conf.model;

/** {@code protocol TCP|UDP|SCTP} of a virtual server. */
public enum Protocol {
    TCP,
    UDP,
    SCTP
}
