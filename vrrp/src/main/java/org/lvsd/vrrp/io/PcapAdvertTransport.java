package org.lvsd.vrrp.io;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.util.function.Consumer;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.unicast.RawVrrpSocket;
import org.lvsd.vrrp.unicast.ReceivedIp;
import org.lvsd.vrrp.wire.MacAddress;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The multicast transport of one interface, family and group. Sends whole Ethernet frames
 * (adverts, gratuitous ARP, unsolicited NA) with libpcap (Pcap4J). Receives adverts on a raw
 * IP socket of protocol 112 bound to the interface ({@link RawVrrpSocket#receiver}), keeping
 * those sent to the group: like keepalived's, they pass netfilter's input hooks first, so a
 * firewall dropping VRRP on input is seen by lvsd as it is by keepalived (reference §6 #1).
 * Joins the group (224.0.0.18, ff02::12, or keepalived's {@code mcast_dst_ip}) with a UDP socket
 * so the interface accepts it without promiscuous mode. Needs CAP_NET_RAW.
 */
public final class PcapAdvertTransport implements AdvertTransport {

    private static final Logger LOG = LoggerFactory.getLogger(PcapAdvertTransport.class);
    private static final int SNAPLEN = 2048;
    private static final int READ_TIMEOUT_MILLIS = 100;

    private final String interfaceName;
    private final MacAddress mac;
    private final InetAddress group;
    private final RawVrrpSocket receiveSocket;
    private final PcapHandle sendHandle;
    private final DatagramChannel membershipSocket;
    private final MembershipKey membership;

    private PcapAdvertTransport(String interfaceName, MacAddress mac, InetAddress group, RawVrrpSocket receiveSocket,
                                PcapHandle sendHandle, DatagramChannel membershipSocket, MembershipKey membership) {
        this.interfaceName = interfaceName;
        this.mac = mac;
        this.group = group;
        this.receiveSocket = receiveSocket;
        this.sendHandle = sendHandle;
        this.membershipSocket = membershipSocket;
        this.membership = membership;
    }

    /** Opens {@code interfaceName} for adverts of {@code family} to {@code group}. */
    public static PcapAdvertTransport open(String interfaceName, AddressFamily family, InetAddress group)
            throws IOException {
        if (AddressFamily.of(group) != family || !group.isMulticastAddress()) {
            throw new IOException(group.getHostAddress() + " is not a " + family + " multicast group");
        }
        NetworkInterface nif = NetworkInterface.getByName(interfaceName);
        if (nif == null || nif.getHardwareAddress() == null) {
            throw new IOException("no Ethernet interface " + interfaceName);
        }
        MacAddress mac = MacAddress.of(nif.getHardwareAddress());
        boolean v4 = family == AddressFamily.INET;
        DatagramChannel socket = DatagramChannel.open(v4 ? StandardProtocolFamily.INET : StandardProtocolFamily.INET6);
        RawVrrpSocket rx = null;
        PcapHandle tx = null;
        try {
            MembershipKey key = socket.join(group, nif);
            rx = RawVrrpSocket.receiver(family, interfaceName);
            tx = new PcapHandle.Builder(interfaceName).snaplen(SNAPLEN)
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(READ_TIMEOUT_MILLIS).build();
            return new PcapAdvertTransport(interfaceName, mac, group, rx, tx, socket, key);
        } catch (PcapNativeException | IOException e) {
            if (rx != null) {
                rx.close();
            }
            socket.close();
            throw new IOException("cannot open " + interfaceName + " for VRRP: " + e.getMessage(), e);
        }
    }

    @Override
    public MacAddress interfaceMac() {
        return mac;
    }

    @Override
    public void send(byte[] frame) throws IOException {
        try {
            sendHandle.sendPacket(frame);
        } catch (PcapNativeException | NotOpenException e) {
            throw new IOException(interfaceName + ": " + e.getMessage(), e);
        }
    }

    /** Adverts to other destinations (another group, a unicast instance's address) are not ours. */
    @Override
    public void start(Consumer<ReceivedIp> handler) {
        receiveSocket.start(r -> {
            if (r.ip().destination().equals(group)) {
                handler.accept(r);
            }
        });
    }

    @Override
    public synchronized void close() {
        receiveSocket.close();
        sendHandle.close();
        membership.drop();
        try {
            membershipSocket.close();
        } catch (IOException e) {
            LOG.debug("{}: closing membership socket: {}", interfaceName, e.getMessage());
        }
    }
}
