package org.lvsd.ipvs.userspace;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.DatagramChannel;

/**
 * One UDP datagram for lab hosts: {@code LabUdpSend ADDRESS PORT SIZE} sends SIZE bytes of
 * payload (the kernel sets DF, path MTU discovery being on by default), then keeps the socket
 * open for 2 s so that an ICMP error about it reaches the stack's socket (which is what records a
 * smaller path MTU), and prints {@code sent}.
 */
public final class LabUdpSend {
    private LabUdpSend() {
    }

    public static void main(String[] args) throws Exception {
        try (DatagramChannel c = DatagramChannel.open()) {
            c.connect(new InetSocketAddress(args[0], Integer.parseInt(args[1])));
            c.write(ByteBuffer.allocate(Integer.parseInt(args[2])));
            Thread.sleep(2000);
        }
        System.out.println("sent");
    }
}
