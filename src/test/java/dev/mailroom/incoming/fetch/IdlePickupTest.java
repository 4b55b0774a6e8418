package dev.mailroom.incoming.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;

/** A message delivered to an idle mailbox is stored within two seconds, long before the next regular poll. */
@MailroomTest
@TestPropertySource(properties = "mailroom.incoming.polling-enabled=true")
@DirtiesContext
class IdlePickupTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailboxes.server();

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void newMailIsReceivedWithinTwoSeconds() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        long serverId = GreenMailboxes.watchedByIdle(api, greenMail, user);
        // Let the watcher settle into IDLE after its first catch-up nudge.
        Thread.sleep(500);

        for (int round = 1; round <= 3; round++) {
            long before = System.nanoTime();
            GreenMailboxes.deliver(user, 1, "Idle round " + round);
            int expected = round;
            Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(20))
                    .until(() -> new Inbound(jdbc).audited(serverId, "RECEIVED") == expected);
            long millis = (System.nanoTime() - before) / 1_000_000;
            System.out.println("IDLE pickup round " + round + ": " + millis + " ms");
            assertThat(millis).isLessThan(2000);
        }
    }
}
