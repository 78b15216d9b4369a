package org.lvsd.netlink.socket;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NlMessage;

/** A fake kernel: every sent message is handed to a responder, whose datagrams are queued for receive. */
public final class ScriptedChannel implements NetlinkChannel {
    public static final int PORT = 0x1234;
    public final List<byte[]> sent = new ArrayList<>();
    public final List<Integer> groups = new ArrayList<>();
    public final Deque<byte[]> queue = new ArrayDeque<>();
    private final Function<NlMessage, List<byte[]>> responder;
    public boolean closed;

    public ScriptedChannel(Function<NlMessage, List<byte[]>> responder) {
        this.responder = responder;
    }

    @Override
    public int portId() {
        return PORT;
    }

    @Override
    public void send(byte[] datagram) {
        sent.add(datagram);
        for (NlMessage m : NlMessage.decodeAll(Netlink.wrap(datagram))) {
            queue.addAll(responder.apply(m));
        }
    }

    @Override
    public Optional<ByteBuffer> receive(Duration timeout) {
        byte[] d = queue.poll();
        return d == null ? Optional.empty() : Optional.of(Netlink.wrap(d));
    }

    @Override
    public void joinGroup(int group) {
        groups.add(group);
    }

    @Override
    public void leaveGroup(int group) {
        groups.remove(Integer.valueOf(group));
    }

    @Override
    public void close() {
        closed = true;
    }
}
