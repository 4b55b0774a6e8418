package dev.mailroom.intake.loops;

import static dev.mailroom.intake.IntakeHarness.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.intake.IntakeHarness.Desk;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * End to end with a loop limit of 3 emails in 10 minutes: mailbox → fetch → intake → the email's final audit entry,
 * the quarantine list, its release, and reprocessing what was ignored meanwhile.
 */
@MailroomTest
@Import(IntakeHarness.class)
@TestPropertySource(properties = {"mailroom.intake.loop.max-emails=3", "mailroom.intake.loop.window=10m"})
class LoopBreakerIntakeTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetupTest.IMAP.createCopy("127.0.0.1").dynamicPort());

    @Autowired
    IntakeHarness intake;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFourthEmailFromOneSenderQuarantinesItUntilReleased() throws Exception {
        Desk desk = intake.desk(greenMail);
        for (int i = 1; i <= 3; i++) {
            JsonNode entry = intake.receive(desk, plain("robot@loop.test", "Nightly job finished " + i, "<robot-" + i + "@loop.test>"));
            assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
            assertThat(step(entry, "loop-breaker").get("detail").asString()).startsWith((i == 1 ? "1 email" : i + " emails") + " from robot@loop.test");
            assertThat(stageNames(entry)).containsSubsequence("self-reference", "loop-breaker", "sender-filter");
        }

        JsonNode fourth = intake.receive(desk, plain("robot@loop.test", "Nightly job finished 4", "<robot-4@loop.test>"));
        JsonNode fifth = intake.receive(desk, plain("Robot@Loop.test", "Nightly job finished 5", "<robot-5@loop.test>"));
        JsonNode bystander = intake.receive(desk, plain("alice@customer.test", "Printer jam", "<alice-1@customer.test>"));

        assertIgnored(fourth, "Mail loop suspected: sender quarantined");
        assertThat(step(fourth, "loop-breaker").get("detail").asString())
                .contains("4 emails from robot@loop.test", "within 10 minutes", "over the limit of 3", "quarantined since");
        assertThat(stageNames(fourth)).containsSubsequence("self-reference", "bounce", "loop-breaker");
        assertIgnored(fifth, "Mail loop suspected: sender quarantined");
        assertThat(step(fifth, "loop-breaker").get("detail").asString()).contains("is quarantined since");
        assertThat(bystander.get("status").asString()).isEqualTo("PROCESSED");

        JsonNode quarantined = onlyActive("robot@loop.test");
        assertThat(quarantined.get("kind").asString()).isEqualTo("SENDER");
        assertThat(quarantined.get("sender").asString()).isEqualTo("robot@loop.test");
        assertThat(quarantined.get("serverId").asLong()).isEqualTo(desk.serverId());
        assertThat(quarantined.get("emailCount").asInt()).isEqualTo(4);
        assertThat(quarantined.get("inboundEmailId").asLong()).isEqualTo(fourth.get("inboundEmailId").asLong());
        JsonNode created = auditEntries("LOOP_QUARANTINED", "sender=robot@loop.test");
        assertThat(created).hasSize(1);
        assertThat(created.get(0).get("message").asString()).isEqualTo("Mail loop suspected: sender quarantined");
        assertThat(created.get(0).get("sender").asString()).isEqualTo("robot@loop.test");
        assertThat(created.get(0).get("serverId").asLong()).isEqualTo(desk.serverId());

        var release = api.admin().post("/api/intake/quarantine/" + quarantined.get("id").asLong() + "/release", null);
        assertThat(release.status()).as(release.body().toString()).isEqualTo(200);
        assertThat(release.get("releasedBy").asString()).isEqualTo("admin");
        assertThat(release.get("releasedAt")).isNotNull();
        assertThat(active("robot@loop.test")).isEmpty();
        JsonNode released = auditEntries("LOOP_RELEASED", "sender=robot@loop.test");
        assertThat(released).hasSize(1);
        assertThat(released.get(0).get("message").asString()).isEqualTo("Mail loop quarantine released by admin");
        assertThat(api.admin().post("/api/intake/quarantine/" + quarantined.get("id").asLong() + "/release", null).status())
                .isEqualTo(409);

        JsonNode afterRelease = intake.receive(desk, plain("robot@loop.test", "Nightly job finished 6", "<robot-6@loop.test>"));
        assertThat(afterRelease.get("status").asString()).as(afterRelease.toString()).isEqualTo("PROCESSED");
        assertThat(step(afterRelease, "loop-breaker").get("detail").asString()).startsWith("1 email").contains("since its release");

        var reprocessed = api.admin().post("/api/intake/emails/" + fourth.get("inboundEmailId").asLong() + "/reprocess", null);
        assertThat(reprocessed.status()).as(reprocessed.body().toString()).isEqualTo(200);
        assertThat(reprocessed.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(api.admin().get("/api/tickets/" + reprocessed.get("ticketDisplayId").asString()).get("subject").asString())
                .isEqualTo("Nightly job finished 4");
        assertThat(active("robot@loop.test")).isEmpty();
    }

    @Test
    void theFourthEmailOntoOneTicketQuarantinesItsThread() throws Exception {
        Desk desk = intake.desk(greenMail);
        JsonNode original = intake.receive(desk, plain("nora@customer.test", "Mail server down", "<thread-0@customer.test>"));
        String displayId = original.get("ticketDisplayId").asString();
        long conversationsBefore = conversations(displayId);
        List<JsonNode> replies = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            // Five different senders: no one of them crosses the sender limit, together they cross the thread's.
            replies.add(intake.receive(desk, reply("system" + i + "@monitor.test", "<thread-" + i + "@monitor.test>")));
        }

        for (JsonNode reply : replies.subList(0, 3)) {
            assertThat(reply.get("status").asString()).as(reply.toString()).isEqualTo("PROCESSED");
            assertThat(reply.get("ticketDisplayId").asString()).isEqualTo(displayId);
        }
        JsonNode fourth = replies.get(3);
        assertIgnored(fourth, "Mail loop suspected: ticket thread quarantined");
        assertThat(fourth.get("ticketDisplayId").asString()).isEqualTo(displayId);
        assertThat(step(fourth, "thread-loop-breaker").get("detail").asString())
                .contains("4 emails onto " + displayId, "within 10 minutes", "over the limit of 3", "quarantined since");
        assertThat(stageNames(fourth)).containsSubsequence("threading", "thread-loop-breaker");
        assertThat(stageNames(fourth)).doesNotContain("reply");
        assertIgnored(replies.get(4), "Mail loop suspected: ticket thread quarantined");
        assertThat(conversations(displayId)).isEqualTo(conversationsBefore + 3);

        JsonNode quarantined = onlyActive(displayId);
        assertThat(quarantined.get("kind").asString()).isEqualTo("THREAD");
        assertThat(quarantined.get("ticketDisplayId").asString()).isEqualTo(displayId);
        assertThat(auditEntries("LOOP_QUARANTINED", "ticket=" + displayId).get(0).get("ticketDisplayId").asString()).isEqualTo(displayId);

        assertThat(api.admin().post("/api/intake/quarantine/" + quarantined.get("id").asLong() + "/release", null).status())
                .isEqualTo(200);
        assertThat(active(displayId)).isEmpty();
        var reprocessed = api.admin().post("/api/intake/emails/" + fourth.get("inboundEmailId").asLong() + "/reprocess", null);

        assertThat(reprocessed.status()).as(reprocessed.body().toString()).isEqualTo(200);
        assertThat(reprocessed.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(reprocessed.get("ticketDisplayId").asString()).isEqualTo(displayId);
        assertThat(conversations(displayId)).isEqualTo(conversationsBefore + 4);
    }

    @Test
    void onlyAdminsSeeAndReleaseQuarantines() {
        assertThat(api.technician().get("/api/intake/quarantine").status()).isEqualTo(403);
        assertThat(api.technician().post("/api/intake/quarantine/1/release", null).status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/intake/quarantine").status()).isEqualTo(401);
        var unknown = api.admin().post("/api/intake/quarantine/987654/release", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.get("detail").asString()).contains("987654");
    }

    /** The one active quarantine of a sender or ticket (the tests of this class share one database). */
    private JsonNode onlyActive(String senderOrTicket) {
        List<JsonNode> active = active(senderOrTicket);
        assertThat(active).as(active.toString()).hasSize(1);
        return active.get(0);
    }

    private List<JsonNode> active(String senderOrTicket) {
        var response = api.admin().get("/api/intake/quarantine");
        assertThat(response.status()).isEqualTo(200);
        return response.body().valueStream()
                .filter(q -> senderOrTicket.equals(q.path("sender").asString(null))
                        || senderOrTicket.equals(q.path("ticketDisplayId").asString(null)))
                .toList();
    }

    private JsonNode auditEntries(String status, String filter) {
        return api.admin().get("/api/audit?status=" + status + "&" + filter).get("items");
    }

    private long conversations(String displayId) {
        return jdbc.sql("select count(*) from conversation c join ticket t on t.id = c.ticket_id where t.display_id = :id")
                .param("id", displayId).query(Long.class).single();
    }

    private static List<String> stageNames(JsonNode entry) {
        return entry.get("trace").findValuesAsString("stage");
    }

    private static void assertIgnored(JsonNode entry, String message) {
        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(entry.get("message").asString()).isEqualTo(message);
    }

    private static String plain(String from, String subject, String messageId) {
        return "From: " + from + "\nTo: %DESK%\nSubject: " + subject + "\nMessage-ID: " + messageId
                + "\n\nJob output follows.\n";
    }

    private static String reply(String from, String messageId) {
        return "From: " + from + "\nTo: %DESK%\nSubject: Re: Mail server down\nMessage-ID: " + messageId
                + "\nIn-Reply-To: <thread-0@customer.test>\nReferences: <thread-0@customer.test>\n\nStill down.\n";
    }
}
