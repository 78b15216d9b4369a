package org.lvsd.ipvs.userspace;

import java.nio.ByteBuffer;
import java.util.HexFormat;
import org.lvsd.ipvs.userspace.dr.FramePort;
import org.lvsd.ipvs.userspace.dr.PacketFramePort;
import org.lvsd.ipvs.userspace.dr.SocketFilter;

/**
 * One hand-made Ethernet frame for lab hosts, for what no socket would send:
 * {@code LabSendFrame IFACE HEX} sends the frame whose bytes HEX spells through the interface
 * (receiving nothing: its socket filter passes no frame) and prints {@code sent}.
 */
public final class LabSendFrame {
    private LabSendFrame() {
    }

    public static void main(String[] args) throws Exception {
        try (FramePort out = PacketFramePort.open(args[0], SocketFilter.NOTHING, 10)) {
            out.send(ByteBuffer.wrap(HexFormat.of().parseHex(args[1])));
            out.flush();
        }
        System.out.println("sent");
    }
}
