package org.lvsd.ipvs.kernel;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lvsd.ipvs.ServiceKey;
import org.lvsd.ipvs.VirtualService;
import org.lvsd.netlink.AttrWriter;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlMsgFlags;
import org.lvsd.netlink.genl.GenlHeader;
import org.lvsd.netlink.genl.GenlMessage;
import org.lvsd.netlink.socket.NetlinkChannel;

/**
 * A scripted IPVS kernel behind the netlink channel seam: keeps services (no destinations), answers
 * NEW_SERVICE with EEXIST for a present one, DEL_SERVICE with ESRCH for an absent one, NEW_DEST with
 * ESRCH without its service, dumps services (destination dumps are empty), and records every request
 * and how many datagrams carried them.
 */
final class FakeKernel implements NetlinkChannel {
    static final int PORT = 0x1234;
    static final int FAMILY = 0x22;
    final Map<ServiceKey, VirtualService> services = new LinkedHashMap<>();
    final List<Integer> commands = new ArrayList<>();
    int datagrams;
    private final Deque<byte[]> queue = new ArrayDeque<>();

    @Override
    public int portId() {
        return PORT;
    }

    @Override
    public void send(byte[] datagram) {
        datagrams++;
        for (NlMessage m : NlMessage.decodeAll(Netlink.wrap(datagram))) {
            GenlMessage g = GenlMessage.decode(m);
            commands.add(g.genl().cmd());
            answer(m, g);
        }
    }

    private void answer(NlMessage m, GenlMessage g) {
        IpvsCommand cmd = IpvsCommand.valueOf(g.genl().cmd());
        int seq = m.header().seq();
        switch (cmd) {
            case GET_SERVICE -> {
                for (VirtualService s : services.values()) {
                    AttrWriter w = new GenlHeader(IpvsCommand.NEW_SERVICE.value(), 1).writer();
                    ServiceCodec.writeFull(w, s, ServiceCodec.ALL_FLAGS);
                    queue.add(Wire.data(FAMILY, NlMsgFlags.MULTI, seq, PORT, w.toBytes()));
                }
                queue.add(Wire.done(seq, PORT));
            }
            case GET_DEST -> queue.add(Wire.done(seq, PORT));
            case NEW_SERVICE -> {
                VirtualService s = ServiceCodec.decode(g.attrs().get(IpvsAttr.Cmd.SERVICE).nestedAttrs());
                ack(m, services.putIfAbsent(s.key(), s) == null ? 0 : Errno.EEXIST.code());
            }
            case DEL_SERVICE -> ack(m, services.remove(key(g)) != null ? 0 : Errno.ESRCH.code());
            case NEW_DEST -> ack(m, services.containsKey(key(g)) ? 0 : Errno.ESRCH.code());
            case FLUSH -> {
                services.clear();
                ack(m, 0);
            }
            default -> ack(m, Errno.EOPNOTSUPP.code());
        }
    }

    /** The service a request names, read through a full-entry decode of its identity. */
    private ServiceKey key(GenlMessage g) {
        AttrWriter w = new AttrWriter();
        w.bytes(IpvsAttr.Svc.SCHED_NAME, new byte[] {0}).bytes(IpvsAttr.Svc.FLAGS, new byte[8])
                .u32(IpvsAttr.Svc.TIMEOUT, 0).u32(IpvsAttr.Svc.NETMASK, 0);
        byte[] identity = g.attrs().get(IpvsAttr.Cmd.SERVICE).value();
        byte[] nest = ByteBuffer.allocate(identity.length + w.toBytes().length).put(identity).put(w.toBytes()).array();
        return ServiceCodec.decode(org.lvsd.netlink.NlAttrs.decode(Netlink.wrap(nest))).key();
    }

    private void ack(NlMessage m, int errno) {
        queue.add(Wire.ack(m.header(), errno));
    }

    @Override
    public Optional<ByteBuffer> receive(Duration timeout) {
        byte[] d = queue.poll();
        return d == null ? Optional.empty() : Optional.of(Netlink.wrap(d));
    }

    @Override
    public void joinGroup(int group) {
    }

    @Override
    public void leaveGroup(int group) {
    }

    @Override
    public void close() {
    }
}
