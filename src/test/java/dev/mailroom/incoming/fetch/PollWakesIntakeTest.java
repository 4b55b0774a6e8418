package dev.mailroom.incoming.fetch;

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

/**
 * A poll that stores emails starts the intake at once: with the scheduler looking for due work only every minute,
 * emails announced by IDLE still reach their final status within seconds.
 */
@MailroomTest
@TestPropertySource(properties = {"mailroom.incoming.polling-enabled=true", "db-scheduler.polling-interval=60s"})
@DirtiesContext
class PollWakesIntakeTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = GreenMailboxes.server();

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void storedEmailsAreJudgedWithoutWaitingForTheSchedulersNextLook() throws Exception {
        GreenMailUser user = GreenMailboxes.newMailbox(greenMail);
        long serverId = GreenMailboxes.watchedByIdle(api, greenMail, user);

        for (int round = 1; round <= 3; round++) {
            GreenMailboxes.deliver(user, 2, "Wake round " + round);
            int expected = 2 * round;
            Awaitility.await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                    .until(() -> new Inbound(jdbc).audited(serverId, "PROCESSED") == expected);
        }
    }
}
