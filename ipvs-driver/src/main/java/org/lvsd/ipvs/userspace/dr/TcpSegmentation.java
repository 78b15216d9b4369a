package org.lvsd.ipvs.userspace.dr;

import java.nio.ByteBuffer;

/**
 * Splits a TCP "super-segment" (TSO on the sender, or GRO on the receiving interface, merged its
 * segments into one datagram of up to 64 KiB; its virtio_net_hdr carries the GSO type and the
 * sender's segment size) into the segments the sender meant, as Linux's GSO does on a device's
 * way out: the tunnel path needs them because a virtio_net_hdr cannot describe a segment inside
 * an outer IP header. The facts followed (RFC 9293 section 3.1 for the fields; the kernel's
 * tcp_gso_segment for the split):
 *
 * <ul>
 *   <li>each segment carries {@code segmentSize} payload bytes, the last the rest;</li>
 *   <li>its sequence number is the super-segment's plus the payload of the segments before it;
 *       acknowledgment number, window, options and urgent pointer are copied;</li>
 *   <li>FIN and PSH only on the last segment, CWR only on the first; the other flags on all;</li>
 *   <li>IPv4 (RFC 791): total length per segment; identification the super-segment's plus the
 *       segment's index (modulo 2^16), for every datagram, DF set or not: the kernel segments a
 *       frame from a packet socket so, as the virtio_net_hdr has no "fixed ID" type, and RFC 6864
 *       section 4.1 gives an atomic (DF) datagram's ID no meaning, while a datagram that may be
 *       fragmented needs distinct IDs; header checksum recomputed; options copied;</li>
 *   <li>IPv6 (RFC 8200): payload length per segment (no extension headers reach the path);</li>
 *   <li>each segment's TCP checksum complete (over its pseudo-header): the frame goes out without
 *       an offload request, so whatever decapsulates it (a kernel, or a userspace endpoint) gets
 *       a finished segment.</li>
 * </ul>
 *
 * <p>The virtio_net_hdr's {@code hdr_len} is not used: the headers' lengths are read from the
 * datagram. A frame whose GSO type names another family or UDP (UDP fragmentation offload and
 * UDP segmentation, {@code VIRTIO_NET_HDR_GSO_UDP} and {@code _UDP_L4}, are not supported), whose
 * segment size is 0, or whose headers or lengths do not describe a TCP datagram with payload
 * within the frame is not segmented ({@link #count} is 0). Pure: no I/O, nothing allocated.
 */
final class TcpSegmentation {
    /** virtio_net_hdr gso_type: not a super-segment. */
    static final int GSO_NONE = 0;
    /** virtio_net_hdr gso_type: a TCP over IPv4 super-segment. */
    static final int GSO_TCPV4 = 1;
    /** virtio_net_hdr gso_type: a TCP over IPv6 super-segment. */
    static final int GSO_TCPV6 = 4;
    /** virtio_net_hdr gso_type bit: the sender uses ECN (its CWR goes on the first segment only, as without it). */
    static final int GSO_ECN = 0x80;
    private static final int ETH_HEADER = 14;
    private static final int IP = ETH_HEADER;
    private static final int IPV6_HEADER = 40;
    private static final int TCP_HEADER = 20;
    private static final int PROTOCOL_TCP = 6;
    /** IPv4 flags/fragment offset: more fragments and the offset. */
    private static final int FRAGMENT = 0x3fff;
    private static final int FIN = 0x01;
    private static final int PSH = 0x08;
    private static final int CWR = 0x80;

    private TcpSegmentation() {
    }

    /**
     * How many segments of {@code segmentSize} payload bytes the frame's datagram makes, or 0
     * when it cannot be segmented for its virtio_net_hdr {@code gsoType} (see the class comment).
     */
    static int count(ByteBuffer frame, int gsoType, int segmentSize) {
        int type = gsoType & ~GSO_ECN;
        boolean v6 = isIpv6(frame);
        if (segmentSize <= 0 || type != (v6 ? GSO_TCPV6 : GSO_TCPV4) || frame.limit() < IP + IPV6_HEADER) {
            return 0;
        }
        int payload = payload(frame);
        return payload <= 0 ? 0 : (payload + segmentSize - 1) / segmentSize;
    }

    /**
     * The length of the longest segment's IP datagram: the headers and {@code segmentSize} bytes,
     * or the whole datagram when that is shorter. For a frame {@link #count} accepted.
     */
    static int largest(ByteBuffer frame, int segmentSize) {
        int payload = payload(frame);
        return datagramLength(frame) - payload + Math.min(segmentSize, payload);
    }

    /**
     * Writes the IP datagram of segment {@code index} (from 0, below {@link #count}) of the
     * frame's super-segment into {@code out} from index {@code at} (whose limit must leave room
     * for {@link #largest} bytes there).
     *
     * @return the segment's datagram length
     */
    static int write(ByteBuffer frame, int segmentSize, int index, ByteBuffer out, int at) {
        boolean v6 = isIpv6(frame);
        int ipHeader = ipHeader(frame, v6);
        int headers = ipHeader + tcpHeader(frame, IP + ipHeader);
        int payload = datagramLength(frame) - headers;
        int offset = index * segmentSize;
        int size = Math.min(segmentSize, payload - offset);
        int length = headers + size;
        out.put(at, frame, IP, headers).put(at + headers, frame, IP + headers + offset, size);
        if (v6) {
            out.putShort(at + 4, (short) (length - IPV6_HEADER));
        } else {
            out.putShort(at + 2, (short) length).putShort(at + 4, (short) (Frame.u16(frame, IP + 4) + index));
            out.putShort(at + 10, (short) 0).putShort(at + 10, (short) InternetChecksum.of(out, at, ipHeader));
        }
        int tcp = at + ipHeader;
        out.putInt(tcp + 4, frame.getInt(IP + ipHeader + 4) + offset);
        int flags = out.get(tcp + 13);
        if (offset + size < payload) {
            flags &= ~(FIN | PSH);
        }
        if (index > 0) {
            flags &= ~CWR;
        }
        out.put(tcp + 13, (byte) flags);
        L4Checksum.fix(out, at, length);
        return length;
    }

    private static boolean isIpv6(ByteBuffer frame) {
        return (frame.get(IP) & 0xf0) == 0x60;
    }

    private static int ipHeader(ByteBuffer frame, boolean v6) {
        return v6 ? IPV6_HEADER : (frame.get(IP) & 0x0f) * 4;
    }

    /** The TCP header's length from its data offset. */
    private static int tcpHeader(ByteBuffer frame, int tcp) {
        return ((frame.get(tcp + 12) & 0xf0) >> 4) * 4;
    }

    /** The IP datagram's length by its header (the IPv4 total length, the IPv6 fixed header and payload length). */
    private static int datagramLength(ByteBuffer frame) {
        return isIpv6(frame) ? IPV6_HEADER + Frame.u16(frame, IP + 4) : Frame.u16(frame, IP + 2);
    }

    /**
     * The TCP payload's length, or -1 when the datagram is not TCP, is an IPv4 fragment, exceeds
     * the frame, or its headers exceed it.
     */
    private static int payload(ByteBuffer frame) {
        boolean v6 = isIpv6(frame);
        int ipHeader = ipHeader(frame, v6);
        int protocol = frame.get(IP + (v6 ? 6 : 9));
        if (protocol != PROTOCOL_TCP || ipHeader < 20 || (!v6 && (Frame.u16(frame, IP + 6) & FRAGMENT) != 0)) {
            return -1;
        }
        int length = datagramLength(frame);
        if (length > frame.limit() - IP || ipHeader + TCP_HEADER > length) {
            return -1;
        }
        int tcpHeader = tcpHeader(frame, IP + ipHeader);
        return tcpHeader < TCP_HEADER ? -1 : length - ipHeader - tcpHeader;
    }
}
