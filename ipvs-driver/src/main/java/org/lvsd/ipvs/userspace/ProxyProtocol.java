package org.lvsd.ipvs.userspace;

/** Which PROXY protocol header, if any, opens each TCP connection toward a real server. */
public enum ProxyProtocol {
    /** No header: the server sees the connection's source address only. */
    NONE,
    /** The human-readable header of section 2.1 ("PROXY TCP4 ..."). */
    V1,
    /** The binary header of section 2.2. */
    V2
}
