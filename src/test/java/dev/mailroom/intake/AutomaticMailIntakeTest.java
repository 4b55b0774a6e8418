package dev.mailroom.intake;

import static dev.mailroom.intake.IntakeHarness.step;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * Through the real intake (GreenMail mailbox, poller, worker): a Lotus Notes out-of-office whose only sign is its
 * {@code AUTO:} subject, and a challenge-response request, end as "Automatic email, no request created" with the
 * signal in the trace, and get neither a ticket nor an acknowledgment; a person's mail from the same kind of sender
 * gets both, so the absence means something.
 */
@MailroomTest
@Import(IntakeHarness.class)
class AutomaticMailIntakeTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()));

    @Autowired
    IntakeHarness intake;
    @Autowired
    JdbcClient jdbc;

    @Test
    void lotusNotesOutOfOfficeWithOnlyItsSubjectMakesNoTicketAndNoAcknowledgment() throws Exception {
        var desk = intake.desk(greenMail);
        long before = intake.tickets();

        JsonNode entry = intake.receive(desk, """
                From: Jane Doe <jane.doe@notes.customer.test>
                To: %DESK%
                Subject: AUTO: Jane Doe is out of the office (returning 05/12/2026)
                Message-ID: <OF1234ABCD.5678EF90-ON00258A1B@notes.customer.test>
                X-Mailer: Lotus Notes Release 8.5.3 September 15, 2011
                MIME-Version: 1.0
                Content-Type: text/plain; charset=US-ASCII

                I am out of the office until 05/12/2026.

                I will respond to your message when I return.
                """);

        assertIgnoredAsAutomatic(entry, "AUTO_REPLY", "AUTO:");
        assertThat(intake.tickets()).isEqualTo(before);
        assertNoAcknowledgmentTo("jane.doe@notes.customer.test");
    }

    @Test
    void challengeResponseRequestMakesNoTicketAndNoAcknowledgment() throws Exception {
        var desk = intake.desk(greenMail);
        long before = intake.tickets();

        JsonNode entry = intake.receive(desk, """
                From: Sam Field <sam@field.customer.test>
                To: %DESK%
                Subject: =?UTF-8?Q?Your_message_is_awaiting_verification?=
                Message-ID: <challenge-1@field.customer.test>
                MIME-Version: 1.0
                Content-Type: text/plain; charset=UTF-8

                Hello,

                Sam uses a challenge-response anti-spam system. Your message is being held until you confirm it.
                To deliver your message, please click the link below and confirm that you are a human:

                https://verify.field.customer.test/c/8f3a
                """);

        assertIgnoredAsAutomatic(entry, "CHALLENGE_RESPONSE", "awaiting verification");
        assertThat(intake.tickets()).isEqualTo(before);
        assertNoAcknowledgmentTo("sam@field.customer.test");
    }

    @Test
    void aPersonWritingAboutOutOfOfficeGetsATicketAndAnAcknowledgment() throws Exception {
        var desk = intake.desk(greenMail);
        long before = intake.tickets();

        JsonNode entry = intake.receive(desk, """
                From: Jane Roe <jane.roe@notes.customer.test>
                To: %DESK%
                Subject: Out of office policy question
                Message-ID: <ooo-policy-1@notes.customer.test>

                How do I set up an automatic reply in Notes? Please confirm your process.
                """);

        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
        assertThat(intake.tickets()).isEqualTo(before + 1);
        assertThat(outboxRecipients("jane.roe@notes.customer.test")).isPositive();
    }

    private static void assertIgnoredAsAutomatic(JsonNode entry, String signal, String evidence) {
        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(entry.get("message").asString()).isEqualTo(AuditMessages.AUTOMATIC_MAIL);
        assertThat(step(entry, "automated-mail").get("detail").asString()).contains("signal " + signal, evidence);
    }

    private void assertNoAcknowledgmentTo(String address) {
        assertThat(outboxRecipients(address)).as("outbox rows to " + address).isZero();
        assertThat(jdbc.sql("select count(*) from audit_entry where event = 'OUTGOING' and status = 'SENT' "
                + "and lower(recipients) like :address").param("address", "%" + address + "%").query(Long.class).single())
                .as("SENT entries to " + address).isZero();
    }

    private long outboxRecipients(String address) {
        return jdbc.sql("select count(*) from outbox_recipient where lower(address) = :address")
                .param("address", address).query(Long.class).single();
    }
}
