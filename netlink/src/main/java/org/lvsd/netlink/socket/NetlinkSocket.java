package org.lvsd.netlink.socket;

import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.Netlink;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.NlError;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlMsgFlags;
import org.lvsd.netlink.NlRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Request/response over one netlink socket (netlink(7)). Each request gets a fresh sequence
 * number; replies are matched on sequence number and our port id, anything else is dropped.
 * Every wait is bounded by the socket's timeout. Methods are synchronized: one conversation at a
 * time. Use a separate socket for multicast notifications.
 */
public final class NetlinkSocket implements AutoCloseable {
    /** Default bound on waiting for the kernel's answer. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    /** How often {@link #dump} repeats a dump that the kernel flagged inconsistent. */
    public static final int DUMP_ATTEMPTS = 5;
    /** Requests in flight at once in {@link #batch}; keeps the acks well inside the receive buffer. */
    public static final int BATCH_WINDOW = 128;
    private static final int BATCH_DATAGRAM = 32 << 10;
    private static final Logger LOG = LoggerFactory.getLogger(NetlinkSocket.class);

    private final NetlinkChannel channel;
    private final Duration timeout;
    private int nextSeq;

    /**
     * @param channel the transport
     * @param timeout bound on each request's wait for its answer
     * @param firstSeq sequence number of the first request
     */
    public NetlinkSocket(NetlinkChannel channel, Duration timeout, int firstSeq) {
        this.channel = channel;
        this.timeout = timeout;
        this.nextSeq = firstSeq;
    }

    /** Opens a JNA socket of this protocol (0 route, 16 generic) with a 4 MiB buffer and the default timeout. */
    public static NetlinkSocket open(int protocol) throws NetlinkException {
        return new NetlinkSocket(JnaNetlinkChannel.open(protocol, JnaNetlinkChannel.DEFAULT_RCVBUF), DEFAULT_TIMEOUT, 1);
    }

    /** The kernel-assigned port id. */
    public int portId() {
        return channel.portId();
    }

    /**
     * Sends a request with {@code NLM_F_REQUEST | NLM_F_ACK} and returns the data messages that
     * came before the ACK (none for a plain change, the answer for a GET).
     *
     * @throws NetlinkException the kernel's error, or {@link Errno#ETIMEDOUT}
     */
    public synchronized List<NlMessage> request(NlRequest req) throws NetlinkException {
        return converse(req.withFlags(NlMsgFlags.REQUEST | NlMsgFlags.ACK))
                .orElseThrow(() -> new DumpInterruptedException(req.description(), req.type(), 1));
    }

    /**
     * Sends a dump request ({@code NLM_F_REQUEST | NLM_F_DUMP}) and returns every message of the
     * multipart answer up to {@code NLMSG_DONE}. A dump the kernel flags inconsistent
     * ({@code NLM_F_DUMP_INTR}, the list changed meanwhile) is repeated, up to
     * {@link #DUMP_ATTEMPTS} times in all.
     *
     * @throws DumpInterruptedException when every attempt was inconsistent
     */
    public synchronized List<NlMessage> dump(NlRequest req) throws NetlinkException {
        NlRequest wire = req.withFlags(NlMsgFlags.REQUEST | NlMsgFlags.DUMP);
        for (int attempt = 1; attempt <= DUMP_ATTEMPTS; attempt++) {
            Optional<List<NlMessage>> consistent = converse(wire);
            if (consistent.isPresent()) {
                return consistent.get();
            }
            LOG.debug("{}: dump interrupted (attempt {} of {})", req.description(), attempt, DUMP_ATTEMPTS);
        }
        throw new DumpInterruptedException(req.description(), req.type(), DUMP_ATTEMPTS);
    }

    /**
     * Pipelines requests: sends up to {@link #BATCH_WINDOW} at a time (several per datagram),
     * then collects their ACKs by sequence number. The kernel handles each request on its own,
     * so one failure does not stop the others; failures are reported with their index.
     *
     * @throws NetlinkException when an ACK does not arrive in time ({@link Errno#ETIMEDOUT}) or the socket fails
     */
    public synchronized BatchResult batch(List<NlRequest> requests) throws NetlinkException {
        List<BatchFailure> failures = new ArrayList<>();
        for (int start = 0; start < requests.size(); start += BATCH_WINDOW) {
            int end = Math.min(requests.size(), start + BATCH_WINDOW);
            Map<Integer, Integer> pending = sendWindow(requests, start, end);
            collectAcks(requests, pending, failures);
        }
        return new BatchResult(requests.size(), failures);
    }

    /**
     * Waits up to {@code wait} for the first datagram, then takes whatever else is queued, and
     * returns all messages except {@code NLMSG_NOOP}. An {@link Errno#ENOBUFS} failure means
     * notifications were lost and the caller should resynchronise with a dump.
     */
    public synchronized List<NlMessage> receiveNotifications(Duration wait) throws NetlinkException {
        List<NlMessage> out = new ArrayList<>();
        Optional<ByteBuffer> d = channel.receive(wait);
        while (d.isPresent()) {
            for (NlMessage m : NlMessage.decodeAll(d.get())) {
                if (!m.isNoise()) {
                    out.add(m);
                }
            }
            d = channel.receive(Duration.ZERO);
        }
        return out;
    }

    /** Joins a multicast group (an {@code RTNLGRP_*} number or a generic netlink group id). */
    public synchronized void joinGroup(int group) throws NetlinkException {
        channel.joinGroup(group);
    }

    /** Leaves a multicast group. */
    public synchronized void leaveGroup(int group) throws NetlinkException {
        channel.leaveGroup(group);
    }

    @Override
    public synchronized void close() {
        channel.close();
    }

    /** The answer, or empty when the kernel flagged it inconsistent ({@code NLM_F_DUMP_INTR}). */
    private Optional<List<NlMessage>> converse(NlRequest req) throws NetlinkException {
        int seq = takeSeq();
        channel.send(req.encode(seq, channel.portId()));
        long deadline = System.nanoTime() + timeout.toNanos();
        List<NlMessage> out = new ArrayList<>();
        boolean interrupted = false;
        while (true) {
            for (NlMessage m : NlMessage.decodeAll(receiveBefore(deadline, req, "answer"))) {
                if (!isReplyTo(m, seq) || m.isNoise()) {
                    continue;
                }
                if (m.isError() || m.isDone()) {
                    NlError status = m.isError() ? m.error() : m.doneStatus();
                    if (!status.isAck()) {
                        throw failure(req, status);
                    }
                    return interrupted ? Optional.empty() : Optional.of(out);
                }
                interrupted |= m.header().has(NlMsgFlags.DUMP_INTR);
                out.add(m);
            }
        }
    }

    private Map<Integer, Integer> sendWindow(List<NlRequest> requests, int start, int end) throws NetlinkException {
        Map<Integer, Integer> pending = new HashMap<>();
        ByteBuffer datagram = ByteBuffer.allocate(BATCH_DATAGRAM).order(Netlink.ORDER);
        for (int i = start; i < end; i++) {
            NlRequest r = requests.get(i).withFlags(NlMsgFlags.REQUEST | NlMsgFlags.ACK);
            int wireLength = Netlink.align(r.length());
            if (datagram.position() > 0 && datagram.remaining() < wireLength) {
                flush(datagram);
            }
            int seq = takeSeq();
            pending.put(seq, i);
            if (wireLength > datagram.remaining()) {
                channel.send(r.encode(seq, channel.portId()));
            } else {
                r.encodeInto(datagram, seq, channel.portId());
            }
        }
        flush(datagram);
        return pending;
    }

    private void flush(ByteBuffer datagram) throws NetlinkException {
        if (datagram.position() > 0) {
            byte[] bytes = new byte[datagram.position()];
            datagram.flip().get(bytes);
            datagram.clear();
            channel.send(bytes);
        }
    }

    private void collectAcks(List<NlRequest> requests, Map<Integer, Integer> pending, List<BatchFailure> failures)
            throws NetlinkException {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<BatchFailure> window = new ArrayList<>();
        while (!pending.isEmpty()) {
            NlRequest first = requests.get(pending.values().iterator().next());
            for (NlMessage m : NlMessage.decodeAll(receiveBefore(deadline, first, pending.size() + " batch acks"))) {
                Integer index = m.header().pid() == channel.portId() && m.isError() ? pending.remove(m.header().seq()) : null;
                if (index == null) {
                    continue;
                }
                NlError status = m.error();
                if (!status.isAck()) {
                    NlRequest r = requests.get(index);
                    window.add(new BatchFailure(index, m.header().seq(), r, failure(r, status)));
                }
            }
        }
        window.sort((a, b) -> Integer.compare(a.index(), b.index()));
        failures.addAll(window);
    }

    private ByteBuffer receiveBefore(long deadline, NlRequest req, String what) throws NetlinkException {
        long left = Math.max(0, deadline - System.nanoTime());
        return channel.receive(Duration.ofNanos(left)).orElseThrow(() -> new NetlinkException(
                req.description() + ": no " + what + " within " + timeout.toMillis() + " ms", req.type(),
                Errno.ETIMEDOUT.code(), Optional.empty()));
    }

    private boolean isReplyTo(NlMessage m, int seq) {
        boolean ours = m.header().seq() == seq && m.header().pid() == channel.portId();
        if (!ours) {
            LOG.debug("dropping unrelated netlink message {} while waiting for seq {}", m.header(), seq);
        }
        return ours;
    }

    private static NetlinkException failure(NlRequest req, NlError status) {
        return new NetlinkException(req.description(), req.type(), status.errno(), status.message());
    }

    private int takeSeq() {
        int s = nextSeq++;
        if (nextSeq == 0) {
            nextSeq = 1;
        }
        return s;
    }
}
