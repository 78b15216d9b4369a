package org.lvsd.ipvs.userspace.dr;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pcap4j.core.BpfProgram;
import org.pcap4j.core.PcapHandle;
import org.pcap4j.core.PcapNativeException;
import org.pcap4j.core.PcapNetworkInterface;
import org.pcap4j.core.Pcaps;
import org.pcap4j.util.LinkLayerAddress;

/**
 * A {@link FramePort} on libpcap through Pcap4J 1.8.2: immediate mode, inbound frames only,
 * filtered in the kernel by BPF. Pcap4J copies every frame into a new array (peers.md C.2), which
 * bounds this path's packet rate.
 */
public final class PcapFramePort implements FramePort {
    /** Debian's runtime package ships the versioned library only. */
    private static final List<String> LIBRARIES = List.of("/usr/lib/x86_64-linux-gnu/libpcap.so.0.8",
            "/usr/lib/x86_64-linux-gnu/libpcap.so.1", "/usr/lib/aarch64-linux-gnu/libpcap.so.0.8");

    private final PcapHandle handle;
    private final byte[] mac;

    private PcapFramePort(PcapHandle handle, byte[] mac) {
        this.handle = handle;
        this.mac = mac;
    }

    /** Opens {@code device} with a BPF {@code filter} and a read timeout of {@code timeoutMillis}. */
    public static PcapFramePort open(String device, String filter, int timeoutMillis) throws IOException {
        if (System.getProperty("org.pcap4j.core.pcapLibName") == null) {
            LIBRARIES.stream().filter(p -> Files.exists(Path.of(p))).findFirst()
                    .ifPresent(p -> System.setProperty("org.pcap4j.core.pcapLibName", p));
        }
        try {
            PcapNetworkInterface nif = Pcaps.getDevByName(device);
            if (nif == null) {
                throw new IOException("no such interface: " + device);
            }
            byte[] mac = nif.getLinkLayerAddresses().stream().map(LinkLayerAddress::getAddress)
                    .filter(a -> a.length == 6).findFirst()
                    .orElseThrow(() -> new IOException(device + " has no Ethernet address"));
            PcapHandle h = new PcapHandle.Builder(device).snaplen(65536)
                    .promiscuousMode(PcapNetworkInterface.PromiscuousMode.NONPROMISCUOUS)
                    .timeoutMillis(timeoutMillis).immediateMode(true).build();
            h.setDirection(PcapHandle.PcapDirection.IN);
            h.setFilter(filter, BpfProgram.BpfCompileMode.OPTIMIZE);
            return new PcapFramePort(h, mac);
        } catch (PcapNativeException | org.pcap4j.core.NotOpenException e) {
            throw new IOException(device + ": " + e.getMessage(), e);
        }
    }

    @Override
    public byte[] receive() throws IOException {
        try {
            return handle.getNextRawPacket();
        } catch (org.pcap4j.core.NotOpenException e) {
            throw new IOException(e);
        }
    }

    @Override
    public void send(byte[] frame) throws IOException {
        try {
            handle.sendPacket(frame);
        } catch (PcapNativeException | org.pcap4j.core.NotOpenException e) {
            throw new IOException(e);
        }
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /**
     * Breaks a receive out of libpcap first: with no traffic, pcap_next can wait in poll(2) past the
     * read timeout while holding the handle's lock, and closing would wait for it forever.
     */
    @Override
    public void close() {
        try {
            handle.breakLoop();
        } catch (org.pcap4j.core.NotOpenException alreadyClosed) {
            return;
        }
        handle.close();
    }
}
