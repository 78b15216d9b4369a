package org.lvsd.healthcheck.check;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.lvsd.healthcheck.check.Fixtures.run;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.lvsd.healthcheck.CheckResult;
import org.lvsd.healthcheck.spec.ConnectOptions;
import org.lvsd.healthcheck.spec.SmtpCheckSpec;

class SmtpCheckerTest {

    @RegisterExtension
    static final SharedTransport transport = new SharedTransport();
    private LoopbackServer server;
    private final List<String> received = new CopyOnWriteArrayList<>();
    @RegisterExtension
    final DescriptorBaseline descriptors = new DescriptorBaseline();

    @AfterEach
    void closeServer() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    private void smtp(String greeting, String heloReply) throws Exception {
        server = LoopbackServer.start(s -> dialogue(s, greeting, heloReply));
    }

    private void dialogue(Socket s, String greeting, String heloReply) throws java.io.IOException {
        LoopbackServer.write(s, greeting);
        BufferedReader in = new BufferedReader(
                new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
        for (int i = 0; i < 2; i++) {
            String line = in.readLine();
            if (line == null) {
                return;
            }
            received.add(line);
            LoopbackServer.write(s, line.startsWith("HELO") ? heloReply : "221 bye\r\n");
        }
    }

    private CheckResult check() {
        return run(new SmtpChecker(transport.get(), new SmtpCheckSpec(Fixtures.timing(),
                ConnectOptions.none(), "lvsd.test"), server.address()));
    }

    @Test
    void multiLineGreetingHeloAndQuitPass() throws Exception {
        smtp("220-mx.test ESMTP\r\n220 ready\r\n", "250 mx.test\r\n");
        CheckResult r = check();
        assertEquals("SMTP 250 to HELO", r.reason());
        assertTrue(r.ok());
        await().atMost(Duration.ofSeconds(2)).until(() -> received.size() == 2);
        assertEquals(List.of("HELO lvsd.test", "QUIT"), received);
    }

    @Test
    void refusingGreetingFails() throws Exception {
        smtp("554 no service\r\n", "250 x\r\n");
        CheckResult r = check();
        assertFalse(r.ok());
        assertEquals("SMTP greeting 554 no service", r.reason());
    }

    @Test
    void rejectedHeloFails() throws Exception {
        smtp("220 ready\r\n", "501 syntax\r\n");
        assertEquals("SMTP HELO reply 501 syntax", check().reason());
    }

    @Test
    void silentServerTimesOutWaitingForTheGreeting() throws Exception {
        server = LoopbackServer.start(s -> Thread.sleep(60_000));
        assertEquals("SMTP greeting timeout 1 s", check().reason());
    }

    @Test
    void nonSmtpGarbageFails() throws Exception {
        smtp("HTTP/1.0 400 Bad\r\n", "");
        assertEquals("malformed SMTP reply: HTTP/1.0 400 Bad", check().reason());
    }
}
