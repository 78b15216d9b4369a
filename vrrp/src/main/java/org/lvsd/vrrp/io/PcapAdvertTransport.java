package org.lvsd.vrrp.io;

import java.io.IOException;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.nio.channels.MembershipKey;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.lvsd.vrrp.codec.AddressFamily;
import org.lvsd.vrrp.wire.MacAddress;
import org.lvsd.vrrp.wire.ReceivedVrrp;
import org.lvsd.vrrp.wire.VrrpFrameParser;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.NotOpenException;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.RawPacketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * libpcap transport (Pcap4J) for one interface, family and multicast group, multicast mode.
 * Receives what the BPF filter {@code ip proto 112 and dst host GROUP} (IPv6: {@code ip6 proto 112
 * and dst host GROUP}) lets through, inbound only, in immediate mode; joins the group (224.0.0.18,
 * ff02::12, or keepalived's {@code mcast_dst_ip}) with a UDP socket so the NIC's multicast filter
 * passes adverts without promiscuous mode. Needs CAP_NET_RAW.
 */
public final class PcapAdvertTransport implements AdvertTransport {

    private static final Logger LOG = LoggerFactory.getLogger(PcapAdvertTransport.class);
    private static final int SNAPLEN = 2048;
    /** Read timeout: bounds how long {@link #close()} waits for the receive loop. */
    private static final int READ_TIMEOUT_MILLIS = 100;

    private final String interfaceName;
    private final MacAddress mac;
    private final PcapHandle receiveHandle;
    private final PcapHandle sendHandle;
    private final DatagramChannel membershipSocket;
    private final MembershipKey membership;
    private Thread receiver;

    private PcapAdvertTransport(String interfaceName, MacAddress mac, PcapHandle receiveHandle, PcapHandle sendHandle,
                                DatagramChannel membershipSocket, MembershipKey membership) {
        this.interfaceName = interfaceName;
        this.mac = mac;
        this.receiveHandle = receiveHandle;
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
        PcapHandle rx = null;
        PcapHandle tx = null;
        try {
            MembershipKey key = socket.join(group, nif);
            rx = new PcapHandle.Builder(interfaceName).snaplen(SNAPLEN)
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(READ_TIMEOUT_MILLIS).immediateMode(true)
                    .direction(PcapHandle.PcapDirection.IN).build();
            rx.setFilter((v4 ? "ip" : "ip6") + " proto 112 and dst host " + group.getHostAddress(),
                    BpfProgram.BpfCompileMode.OPTIMIZE);
            tx = new PcapHandle.Builder(interfaceName).snaplen(SNAPLEN)
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(READ_TIMEOUT_MILLIS).build();
            return new PcapAdvertTransport(interfaceName, mac, rx, tx, socket, key);
        } catch (PcapNativeException | NotOpenException | IOException e) {
            if (rx != null) {
                rx.close();
            }
            if (tx != null) {
                tx.close();
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

    @Override
    public synchronized void start(Consumer<ReceivedVrrp> handler) {
        if (receiver != null) {
            throw new IllegalStateException("already started");
        }
        receiver = new Thread(() -> receiveLoop(handler), "vrrp-rx-" + interfaceName);
        receiver.setDaemon(true);
        receiver.start();
    }

    private void receiveLoop(Consumer<ReceivedVrrp> handler) {
        try {
            RawPacketListener listener = frame -> {
                Optional<ReceivedVrrp> vrrp = VrrpFrameParser.parse(frame);
                if (vrrp.isPresent() && !vrrp.get().sourceMac().equals(mac)) {
                    handler.accept(vrrp.get());
                }
            };
            receiveHandle.loop(-1, listener);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (PcapNativeException | NotOpenException e) {
            LOG.warn("{}: VRRP receive loop ended: {}", interfaceName, e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            receiveHandle.breakLoop();
        } catch (NotOpenException e) {
            LOG.debug("{}: receive handle already closed", interfaceName);
        }
        if (receiver != null) {
            try {
                receiver.join(TimeUnit.SECONDS.toMillis(2));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        receiveHandle.close();
        sendHandle.close();
        membership.drop();
        try {
            membershipSocket.close();
        } catch (IOException e) {
            LOG.debug("{}: closing membership socket: {}", interfaceName, e.getMessage());
        }
    }
}
