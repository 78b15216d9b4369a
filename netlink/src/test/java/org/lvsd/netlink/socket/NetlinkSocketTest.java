package org.lvsd.netlink.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.lvsd.netlink.Bytes;
import org.lvsd.netlink.Errno;
import org.lvsd.netlink.NetlinkException;
import org.lvsd.netlink.NlMessage;
import org.lvsd.netlink.NlMsgFlags;
import org.lvsd.netlink.NlRequest;

class NetlinkSocketTest {
    private static final int P = ScriptedChannel.PORT;
    private static final NlRequest ADD = new NlRequest(20, NlMsgFlags.CREATE | NlMsgFlags.EXCL,
            Bytes.hex("02180000 02000000"), "add 198.51.100.100/24");

    @Test
    void requestSetsRequestAndAckFlagsSeqAndPort() throws Exception {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of(Replies.ack(m.header(), 0)));
        NetlinkSocket s = new NetlinkSocket(ch, Duration.ofSeconds(1), 7);
        assertEquals(List.of(), s.request(ADD));
        assertArrayEquals(Bytes.hex("18000000 1400 0506 07000000 34120000 02180000 02000000"), ch.sent.get(0));
    }

    @Test
    void requestReturnsDataBeforeAck() throws Exception {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of(Replies.concat(
                Replies.data(16, 0, m.header().seq(), P, Bytes.hex("aabbccdd")),
                Replies.ack(m.header(), 0))));
        List<NlMessage> r = new NetlinkSocket(ch, Duration.ofSeconds(1), 1).request(ADD);
        assertEquals(1, r.size());
        assertArrayEquals(Bytes.hex("aabbccdd"), r.get(0).payload());
    }

    @Test
    void errorCarriesErrnoTypeAndOperation() {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of(Replies.ack(m.header(), 17)));
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> new NetlinkSocket(ch, Duration.ofSeconds(1), 1).request(ADD));
        assertTrue(e.is(Errno.EEXIST));
        assertEquals(20, e.requestType());
        assertEquals("add 198.51.100.100/24: EEXIST (File exists)", e.getMessage());
    }

    @Test
    void errorIncludesExtendedAckMessage() {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of(Replies.data(2, NlMsgFlags.CAPPED | NlMsgFlags.ACK_TLVS,
                m.header().seq(), P, Bytes.hex("eaffffff 18000000 1400 0506 01000000 34120000 0800 0100 626164 00"))));
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> new NetlinkSocket(ch, Duration.ofSeconds(1), 1).request(ADD));
        assertEquals("add 198.51.100.100/24: EINVAL (Invalid argument): bad", e.getMessage());
        assertEquals(java.util.Optional.of("bad"), e.extAck());
    }

    @Test
    void dumpCollectsMultipartUntilDoneAcrossDatagrams() throws Exception {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of(
                Replies.concat(Replies.data(20, NlMsgFlags.MULTI, m.header().seq(), P, Bytes.hex("01000000")),
                        Replies.data(20, NlMsgFlags.MULTI, m.header().seq(), P, Bytes.hex("02000000"))),
                Replies.data(20, NlMsgFlags.MULTI, m.header().seq(), P, Bytes.hex("03000000")),
                Replies.done(m.header().seq(), P)));
        NlRequest get = new NlRequest(22, 0, Bytes.hex("02000000 00000000"), "list addresses");
        List<NlMessage> r = new NetlinkSocket(ch, Duration.ofSeconds(1), 1).dump(get);
        assertEquals(3, r.size());
        assertArrayEquals(Bytes.hex("03000000"), r.get(2).payload());
        assertArrayEquals(Bytes.hex("18000000 1600 0103 01000000 34120000 02000000 00000000"), ch.sent.get(0));
    }

    @Test
    void dumpDropsMessagesOfOtherSequencesAndPorts() throws Exception {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of(
                Replies.data(20, 0, m.header().seq() + 5, P, Bytes.hex("09000000")),
                Replies.data(20, 0, m.header().seq(), 99, Bytes.hex("08000000")),
                Replies.data(20, NlMsgFlags.MULTI, m.header().seq(), P, Bytes.hex("01000000")),
                Replies.done(m.header().seq(), P)));
        List<NlMessage> r = new NetlinkSocket(ch, Duration.ofSeconds(1), 1).dump(new NlRequest(22, 0, new byte[8], "d"));
        assertEquals(1, r.size());
        assertArrayEquals(Bytes.hex("01000000"), r.get(0).payload());
    }

    @Test
    void interruptedDumpIsRepeatedUntilConsistent() throws Exception {
        // the first answer is flagged inconsistent, the second is clean
        ScriptedChannel ch = new ScriptedChannel(m -> List.of(
                Replies.data(20, NlMsgFlags.MULTI | (m.header().seq() == 1 ? NlMsgFlags.DUMP_INTR : 0),
                        m.header().seq(), P, Bytes.hex(m.header().seq() == 1 ? "01000000" : "02000000")),
                Replies.done(m.header().seq(), P)));
        List<NlMessage> r = new NetlinkSocket(ch, Duration.ofSeconds(1), 1).dump(new NlRequest(22, 0, new byte[8], "d"));
        assertEquals(2, ch.sent.size());
        assertEquals(1, r.size());
        assertArrayEquals(Bytes.hex("02000000"), r.get(0).payload());
    }

    @Test
    void alwaysInterruptedDumpFailsWithEintrAfterBoundedAttempts() {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of(
                Replies.data(20, NlMsgFlags.MULTI | NlMsgFlags.DUMP_INTR, m.header().seq(), P, new byte[4]),
                Replies.done(m.header().seq(), P)));
        DumpInterruptedException e = assertThrows(DumpInterruptedException.class,
                () -> new NetlinkSocket(ch, Duration.ofSeconds(1), 1).dump(new NlRequest(22, 0, new byte[8], "d")));
        assertTrue(e.is(Errno.EINTR));
        assertEquals(NetlinkSocket.DUMP_ATTEMPTS, ch.sent.size());
        assertEquals("d: dump interrupted 5 times: EINTR (Interrupted system call)", e.getMessage());
    }

    @Test
    void silenceTimesOutWithEtimedout() {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of());
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> new NetlinkSocket(ch, Duration.ofMillis(10), 1).request(ADD));
        assertTrue(e.is(Errno.ETIMEDOUT));
        assertEquals("add 198.51.100.100/24: no answer within 10 ms: ETIMEDOUT (Connection timed out)", e.getMessage());
    }

    @Test
    void batchPipelinesAndReportsEachFailureWithIndexAndSeq() throws Exception {
        // the kernel fails every third request with EEXIST
        ScriptedChannel ch = new ScriptedChannel(m -> List.of(Replies.ack(m.header(), m.header().seq() % 3 == 0 ? 17 : 0)));
        NetlinkSocket s = new NetlinkSocket(ch, Duration.ofSeconds(1), 1);
        List<NlRequest> reqs = java.util.Collections.nCopies(300, ADD);
        BatchResult r = s.batch(reqs);
        assertEquals(300, r.sent());
        assertEquals(100, r.failures().size());
        BatchFailure f = r.failures().get(0);
        assertEquals(2, f.index());
        assertEquals(3, f.seq());
        assertTrue(f.error().is(Errno.EEXIST));
        assertEquals(299, r.failures().get(99).index());
        // 300 requests of 24 bytes in windows of 128: three datagrams, far fewer than 300 sends
        assertEquals(3, ch.sent.size());
        assertEquals(128 * 24, ch.sent.get(0).length);
    }

    @Test
    void batchOfSuccessesIsClean() throws Exception {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of(Replies.ack(m.header(), 0)));
        BatchResult r = new NetlinkSocket(ch, Duration.ofSeconds(1), 1).batch(List.of(ADD, ADD));
        assertTrue(r.allSucceeded());
    }

    @Test
    void batchWithMissingAckTimesOut() {
        ScriptedChannel ch = new ScriptedChannel(m -> m.header().seq() == 2 ? List.of() : List.of(Replies.ack(m.header(), 0)));
        NetlinkException e = assertThrows(NetlinkException.class,
                () -> new NetlinkSocket(ch, Duration.ofMillis(10), 1).batch(List.of(ADD, ADD, ADD)));
        assertTrue(e.is(Errno.ETIMEDOUT));
    }

    @Test
    void notificationsAreDrainedWithoutNoop() throws Exception {
        ScriptedChannel ch = new ScriptedChannel(m -> List.of());
        ch.queue.add(Replies.data(16, 0, 0, 0, Bytes.hex("00000000")));
        ch.queue.add(Replies.concat(Replies.data(1, 0, 0, 0, new byte[0]), Replies.data(17, 0, 0, 0, Bytes.hex("01000000"))));
        NetlinkSocket s = new NetlinkSocket(ch, Duration.ofSeconds(1), 1);
        s.joinGroup(1);
        List<NlMessage> n = s.receiveNotifications(Duration.ofMillis(1));
        assertEquals(List.of(16, 17), n.stream().map(m -> m.header().type()).toList());
        assertEquals(List.of(1), ch.groups);
        s.close();
        assertTrue(ch.closed);
    }
}
