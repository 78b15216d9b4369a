package org.lvsd.ipvs.userspace;

import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * A UDP echo server for lab hosts: {@code LabUdpEcho ADDRESS PORT NAME} answers each datagram
 * with NAME + ":" + payload, for at most 120 s.
 */
public final class LabUdpEcho {
    private LabUdpEcho() {
    }

    public static void main(String[] args) throws Exception {
        byte[] prefix = (args[2] + ":").getBytes(StandardCharsets.US_ASCII);
        long end = System.nanoTime() + 120_000_000_000L;
        try (DatagramSocket s = new DatagramSocket(
                new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1])))) {
            s.setSoTimeout(1000);
            System.out.println("listening");
            byte[] buf = new byte[2048];
            while (System.nanoTime() < end) {
                DatagramPacket p = new DatagramPacket(buf, buf.length);
                try {
                    s.receive(p);
                } catch (java.net.SocketTimeoutException idle) {
                    continue;
                }
                byte[] answer = new byte[prefix.length + p.getLength()];
                System.arraycopy(prefix, 0, answer, 0, prefix.length);
                System.arraycopy(p.getData(), 0, answer, prefix.length, p.getLength());
                s.send(new DatagramPacket(answer, answer.length, p.getSocketAddress()));
            }
        }
    }
}
