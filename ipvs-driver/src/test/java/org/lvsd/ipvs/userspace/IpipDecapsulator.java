package org.lvsd.ipvs.userspace;

import com.sun.jna.LastErrorException;
import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.lvsd.ipvs.userspace.dr.FramePort;
import org.lvsd.ipvs.userspace.dr.PacketFramePort;
import org.lvsd.ipvs.userspace.dr.SocketFilter;

/**
 * A real server's tunnel endpoint in userspace, for lab hosts whose kernel has neither the
 * {@code ipip} nor the {@code ip6_tunnel} module (no {@code tunl0}, no {@code ip6tnl0}): takes
 * the tunnelled frames addressed to this host from an interface, checks the outer header as the
 * kernel's decapsulation would, and writes the inner datagram into a TUN device, where the stack
 * receives it as arriving on that interface. ADDRESS's family picks the tunnel: IPv4 for IP in IP
 * (IPv4, protocol 4, valid header checksum, destination = this host, length), IPv6 for IPv6 in
 * IPv6 (RFC 2473: IPv6, next header 41 right after the fixed header, destination = this host,
 * payload length within the frame, an IPv6 datagram inside). Run in the real server's namespace:
 * {@code IpipDecapsulator IFNAME TUNNAME ADDRESS}; prints {@code ready}, then answers
 * {@code counts} on stdin with {@code decapsulated=N rejected=N}; {@code quit} stops.
 */
public final class IpipDecapsulator {
    private static final int TUNSETIFF = 0x400454ca;
    private static final short IFF_TUN = 0x0001;
    private static final short IFF_NO_PI = 0x1000;
    private static final int O_RDWR = 2;

    interface LibC extends Library {
        LibC INSTANCE = Native.load("c", LibC.class);

        int open(String path, int flags) throws LastErrorException;

        int ioctl(int fd, long request, byte[] ifreq) throws LastErrorException;

        long write(int fd, byte[] buf, long count) throws LastErrorException;
    }

    private IpipDecapsulator() {
    }

    public static void main(String[] args) throws Exception {
        byte[] own = InetAddress.getByName(args[2]).getAddress();
        boolean ipv6 = own.length == 16;
        int tun = openTun(args[1]);
        AtomicLong decapsulated = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        try (FramePort port = PacketFramePort.open(args[0],
                ipv6 ? SocketFilter.ipv6NextHeader(41) : SocketFilter.ipv4Protocol(4), 50)) {
            Thread loop = new Thread(() -> {
                while (true) {
                    try {
                        port.receive(received -> {
                            byte[] frame = new byte[received.limit()];
                            received.get(0, frame);
                            byte[] inner = ipv6 ? inner6(frame, own) : inner(frame, own);
                            if (inner == null) {
                                rejected.incrementAndGet();
                            } else {
                                LibC.INSTANCE.write(tun, inner, inner.length);
                                decapsulated.incrementAndGet();
                            }
                        });
                    } catch (IOException | LastErrorException e) {
                        System.err.println("decapsulator: " + e);
                        return;
                    }
                }
            }, "decap");
            loop.setDaemon(true);
            loop.start();
            System.out.println("ready");
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null && !line.equals("quit"); ) {
                System.out.println("decapsulated=" + decapsulated + " rejected=" + rejected);
                System.out.println(".");
            }
        }
        System.exit(0);
    }

    private static int openTun(String name) {
        int fd = LibC.INSTANCE.open("/dev/net/tun", O_RDWR);
        byte[] ifreq = new byte[40];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, ifreq, 0, n.length);
        short flags = IFF_TUN | IFF_NO_PI;
        ifreq[16] = (byte) flags;
        ifreq[17] = (byte) (flags >>> 8);
        LibC.INSTANCE.ioctl(fd, TUNSETIFF, ifreq);
        return fd;
    }

    /** The inner datagram of an IPIP frame to {@code own}, or null when the outer header is not valid. */
    static byte[] inner(byte[] frame, byte[] own) {
        int ip = 14;
        if (frame.length < ip + 40 || frame[12] != 0x08 || frame[13] != 0x00 || (frame[ip] & 0xf0) != 0x40) {
            return null;
        }
        int ihl = (frame[ip] & 0x0f) * 4;
        int total = ((frame[ip + 2] & 0xff) << 8) | (frame[ip + 3] & 0xff);
        if (ihl < 20 || total > frame.length - ip || total < ihl + 20 || frame[ip + 9] != 4
                || !Arrays.equals(frame, ip + 16, ip + 20, own, 0, 4)) {
            return null;
        }
        long sum = 0;
        for (int i = ip; i < ip + ihl; i += 2) {
            sum += ((frame[i] & 0xff) << 8) | (frame[i + 1] & 0xff);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xffff) + (sum >>> 16);
        }
        return sum == 0xffff ? Arrays.copyOfRange(frame, ip + ihl, ip + total) : null;
    }

    /** The inner datagram of an IPv6-in-IPv6 frame to {@code own}, or null when the outer header is not valid. */
    static byte[] inner6(byte[] frame, byte[] own) {
        int ip = 14;
        int inner = ip + 40;
        if (frame.length < inner + 40 || frame[12] != (byte) 0x86 || frame[13] != (byte) 0xdd
                || (frame[ip] & 0xf0) != 0x60 || frame[ip + 6] != 41 || !Arrays.equals(frame, ip + 24, ip + 40, own, 0, 16)) {
            return null;
        }
        int payload = ((frame[ip + 4] & 0xff) << 8) | (frame[ip + 5] & 0xff);
        if (payload < 40 || payload > frame.length - inner || (frame[inner] & 0xf0) != 0x60) {
            return null;
        }
        return Arrays.copyOfRange(frame, inner, inner + payload);
    }
}
