package org.lvsd.controller.daemon;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;

import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNetworkInterface;

/**
 * Millisecond ARP prober for {@code controller/bench/failover.sh} (not a test): broadcasts an ARP
 * request for a VIP every 10 ms and prints {@code answered EPOCH_MILLIS} at the first reply whose
 * sender is the VIP at the expected MAC, or {@code timeout}. Prints {@code ready} once listening.
 *
 * <p>Arguments: interface vip expected-mac max-millis. Run in the client's namespace as root.
 */
public final class ArpProbe {

    private ArpProbe() {
    }

    public static void main(String[] args) throws Exception {
        String iface = args[0];
        Inet4Address vip = (Inet4Address) InetAddress.getByName(args[1]);
        byte[] expected = HexFormat.ofDelimiter(":").parseHex(args[2]);
        long deadline = System.currentTimeMillis() + Long.parseLong(args[3]);
        NetworkInterface nif = NetworkInterface.getByName(iface);
        byte[] mac = nif.getHardwareAddress();
        Inet4Address own = nif.inetAddresses().filter(a -> a instanceof Inet4Address).map(a -> (Inet4Address) a)
                .findFirst().orElseThrow(() -> new IllegalStateException(iface + " has no IPv4 address"));
        byte[] request = request(mac, own, vip);
        try (PcapHandle h = new PcapHandle.Builder(iface).snaplen(128)
                .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                .timeoutMillis(2).immediateMode(true).direction(PcapHandle.PcapDirection.IN).build();
             PcapHandle tx = new PcapHandle.Builder(iface).snaplen(128)
                .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS).timeoutMillis(2).build()) {
            h.setFilter("arp", BpfProgram.BpfCompileMode.OPTIMIZE);
            System.out.println("ready");
            System.out.flush();
            while (System.currentTimeMillis() < deadline) {
                tx.sendPacket(request);
                long next = System.currentTimeMillis() + 10;
                while (System.currentTimeMillis() < next) {
                    byte[] frame = h.getNextRawPacket();
                    if (frame != null && isReply(frame, vip, expected)) {
                        System.out.println("answered " + System.currentTimeMillis());
                        return;
                    }
                }
            }
        }
        System.out.println("timeout");
    }

    /** Ethernet broadcast + ARP request (RFC 826) from {@code mac}/{@code own} for {@code vip}. */
    static byte[] request(byte[] mac, Inet4Address own, Inet4Address vip) {
        ByteBuffer b = ByteBuffer.allocate(42);
        b.put(new byte[] {-1, -1, -1, -1, -1, -1}).put(mac).putShort((short) 0x0806);
        b.putShort((short) 1).putShort((short) 0x0800).put((byte) 6).put((byte) 4).putShort((short) 1);
        b.put(mac).put(own.getAddress()).put(new byte[6]).put(vip.getAddress());
        return b.array();
    }

    /** An ARP reply (op 2) whose sender is {@code vip} at {@code mac}. */
    static boolean isReply(byte[] f, Inet4Address vip, byte[] mac) {
        return f.length >= 42 && f[12] == 0x08 && f[13] == 0x06 && f[20] == 0 && f[21] == 2
                && Arrays.equals(f, 22, 28, mac, 0, 6) && Arrays.equals(f, 28, 32, vip.getAddress(), 0, 4);
    }
}
