package org.lvsd.ipvs.userspace;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;

/**
 * Slowloris for lab hosts: {@code LabSlowClients ADDRESS PORT COUNT} opens COUNT connections that
 * never send, prints how many opened, and holds them until stdin closes (at most 120 s).
 */
public final class LabSlowClients {
    private LabSlowClients() {
    }

    public static void main(String[] args) throws Exception {
        InetSocketAddress to = new InetSocketAddress(InetAddress.getByName(args[0]), Integer.parseInt(args[1]));
        int count = Integer.parseInt(args[2]);
        List<Socket> held = new ArrayList<>(count);
        int failed = 0;
        try {
            for (int i = 0; i < count; i++) {
                Socket s = new Socket();
                try {
                    s.connect(to, 3000);
                    held.add(s);
                } catch (java.io.IOException e) {
                    s.close();
                    failed++;
                }
            }
            System.out.println("open " + held.size() + " failed " + failed);
            System.out.flush();
            long end = System.nanoTime() + 120_000_000_000L;
            while (System.nanoTime() < end && System.in.read() != -1) {
                // hold until stdin closes
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }
}
