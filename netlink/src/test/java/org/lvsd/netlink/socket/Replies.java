package org.lvsd.netlink.socket;

import java.nio.ByteBuffer;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NlMsgFlags;
import org.lvsd.netlink.NlMsgHeader;
import org.lvsd.netlink.NlMsgType;

/** Builds kernel answers the way the kernel lays them out (capped ACKs, DONE with status). */
final class Replies {
    private Replies() {
    }

    static byte[] data(int type, int flags, int seq, int pid, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(Netlink.align(16 + payload.length)).order(Netlink.ORDER);
        new NlMsgHeader(16 + payload.length, type, flags, seq, pid).encode(b);
        b.put(payload);
        return b.array();
    }

    static byte[] ack(NlMsgHeader request, int errno) {
        ByteBuffer p = ByteBuffer.allocate(20).order(Netlink.ORDER).putInt(-errno);
        request.encode(p);
        return data(NlMsgType.ERROR, NlMsgFlags.CAPPED, request.seq(), request.pid(), p.array());
    }

    static byte[] done(int seq, int pid) {
        return data(NlMsgType.DONE, NlMsgFlags.MULTI, seq, pid, new byte[4]);
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
