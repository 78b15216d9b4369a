package org.lvsd.ipvs.kernel;

import java.nio.ByteBuffer;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlMsgFlags;
import org.lvsd.netlink.NlMsgHeader;
import org.lvsd.netlink.NlMsgType;

/** Kernel answers laid out as the kernel sends them: data messages, capped ACKs and errors, DONE. */
final class Wire {
    private Wire() {
    }

    static byte[] data(int type, int flags, int seq, int pid, byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(Netlink.align(16 + payload.length)).order(Netlink.ORDER);
        new NlMsgHeader(16 + payload.length, type, flags, seq, pid).encode(b);
        b.put(payload);
        return b.array();
    }

    /** One received message: a header of this family around the payload. */
    static NlMessage message(int type, byte[] payload) {
        return NlMessage.decodeAll(Netlink.wrap(data(type, NlMsgFlags.MULTI, 1, 0x1234, payload))).get(0);
    }

    static byte[] ack(NlMsgHeader request, int errno) {
        ByteBuffer p = ByteBuffer.allocate(20).order(Netlink.ORDER).putInt(-errno);
        request.encode(p);
        return data(NlMsgType.ERROR, NlMsgFlags.CAPPED, request.seq(), request.pid(), p.array());
    }

    static byte[] done(int seq, int pid) {
        return data(NlMsgType.DONE, NlMsgFlags.MULTI, seq, pid, new byte[4]);
    }
}
