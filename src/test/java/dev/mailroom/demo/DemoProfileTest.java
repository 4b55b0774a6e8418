package dev.mailroom.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;

import dev.mailroom.testing.Api;

/** The demo profile shows tickets and audit entries within seconds of starting, from its own embedded mailbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "mailroom.data-dir=target/test-data", "mailroom.admin.password=admin-secret",
        "mailroom.incoming.polling-enabled=true", "mailroom.demo.imap-port=13143", "mailroom.demo.smtp-port=13025",
        "mailroom.outgoing.sending-enabled=true"})
@ActiveProfiles({"test", "demo"})
@Import(Api.class)
@DirtiesContext
class DemoProfileTest {

    @Autowired
    Api api;

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void sampleMailBecomesTicketsAndAuditEntries() {
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.admin().get("/api/audit?status=PROCESSED&status=RECEIVED_IGNORED&status=PROCESSED_FAILED")
                        .get("totalItems").asInt() >= 5);

        var tickets = api.admin().get("/api/tickets").get("items");
        List<String> subjects = tickets.findValuesAsString("subject");
        assertThat(subjects).contains("Printer on the 3rd floor prints blank pages", "VPN client error after update");
        var audit = api.admin().get("/api/audit?event=INCOMING&size=50").get("items");
        assertThat(audit.findValuesAsString("message")).contains("Sender matched spam/ignore filter",
                "Automatic email, no request created");
        assertThat(api.admin().get("/api/incoming-servers").body().findValuesAsString("name")).contains(DemoDesk.SERVER_NAME);
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.admin().get("/api/audit?event=OUTGOING&status=SENT").get("totalItems").asInt() >= subjects.size());
    }

    /** The scheduler runs the polls a previous run left due as soon as it starts: the mailbox must be there by then. */
    @Test
    void mailServerIsUpBeforeTheFirstPoll() {
        assertThat(context.getBeanFactory().getBeanDefinition(DemoStartOrder.SCHEDULER_STARTER).getDependsOn())
                .contains(DemoMailServer.BEAN_NAME);
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                api.admin().get("/api/audit?status=PROCESSED").get("totalItems").asInt() >= 1);
        assertThat(api.admin().get("/api/audit?status=FETCH_FAILED").get("totalItems").asInt()).isZero();
    }
}
