package dev.mailroom.intake;

import static dev.mailroom.intake.IntakeHarness.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeHarness.Desk;
import dev.mailroom.intake.bounces.FailureCause;
import dev.mailroom.outgoing.outbox.NewOutboundEmail;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.outgoing.outbox.OutboundRecipient;
import dev.mailroom.outgoing.outbox.Outbox;
import dev.mailroom.outgoing.recipients.UndeliverableAddresses;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.ConversationDirection;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketChanges;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketStatus;
import dev.mailroom.tickets.threading.ThreadIds;
import tools.jackson.databind.JsonNode;

/**
 * Bounces end to end: a delivery failure report for one of our notifications becomes a note on the ticket it was
 * about and a SEND_FAILED audit entry for the recipient; a bounce of anything else makes no ticket.
 */
@MailroomTest
@Import(IntakeHarness.class)
class BounceIntakeTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()));

    @Autowired
    IntakeHarness intake;
    @Autowired
    TicketService tickets;
    @Autowired
    ThreadIds threadIds;
    @Autowired
    Outbox outbox;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UndeliverableAddresses suppressions;
    @Autowired
    Api api;

    @Test
    void deliveryStatusReportOfOurAcknowledgmentBecomesANoteAndASendFailedEntry() throws Exception {
        Desk desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "gone@bounce.test", "<b-orig-1@bounce.test>");
        String ours = acknowledgment(ticket, "gone@bounce.test");
        long ticketsBefore = intake.tickets();

        JsonNode entry = intake.receive(desk, """
                From: Mail Delivery System <MAILER-DAEMON@mx.customer.test>
                To: %DESK%
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-1@mx.bounce.test>
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r1"

                --r1
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.

                --r1
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.customer.test
                Arrival-Date: Wed, 25 Nov 2026 10:00:00 +0000

                Final-Recipient: rfc822; gone@bounce.test
                Original-Recipient: rfc822;gone@bounce.test
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 <gone@bounce.test>: Recipient address
                    rejected: User unknown in local recipient table

                --r1
                Content-Type: text/rfc822-headers

                From: Service Desk <%DESK%>
                To: gone@bounce.test
                Subject: [%REF%] We received your request
                Message-ID: %OURS%

                --r1--
                """.replace("%REF%", ticket.displayId()).replace("%OURS%", ours));

        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
        assertThat(entry.get("message").asString()).isEqualTo("Delivery failure report added to " + ticket.displayId() + " as a note");
        assertThat(entry.get("ticketDisplayId").asString()).isEqualTo(ticket.displayId());
        assertThat(step(entry, "bounce").get("detail").asString())
                .contains(ours, "gone@bounce.test: failed (5.1.1) 550 5.1.1", "User unknown in local recipient table");
        assertThat(intake.tickets()).isEqualTo(ticketsBefore);

        Conversation note = onlyConversation(ticket);
        assertThat(note.direction()).isEqualTo(ConversationDirection.NOTE);
        assertThat(note.bodyText()).contains("Delivery failed", "We received your request", "gone@bounce.test: failed (5.1.1)",
                "Reported by mailer-daemon@mx.customer.test");
        assertThat(jdbc.sql("select count(*) from attachment where conversation_id = :c").param("c", note.id())
                .query(Long.class).single()).isEqualTo(2);

        var failed = jdbc.sql("""
                select message, recipients, message_id, ticket_id from audit_entry
                where status = 'SEND_FAILED' and ticket_id = :t""")
                .param("t", ticket.id()).query().listOfRows();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("recipients")).isEqualTo("gone@bounce.test");
        assertThat(failed.get(0).get("message_id")).isEqualTo(ours);
        assertThat((String) failed.get(0).get("message")).startsWith("Bounced by the recipient's mail server: gone@bounce.test");
        assertThat(suppressions.reasonFor("GONE@bounce.test")).hasValueSatisfying(reason ->
                assertThat(reason).startsWith("undeliverable: gone@bounce.test: failed (5.1.1)"));
        assertThat(api.admin().get("/api/recipient-suppressions").toString()).contains("gone@bounce.test");
    }

    @Test
    void plainTextBounceQuotingOurMessageIdIsFoundToo() throws Exception {
        Desk desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "full@bounce.test", "<b-orig-2@bounce.test>");
        String ours = acknowledgment(ticket, "full@bounce.test");

        JsonNode entry = intake.receive(desk, """
                From: postmaster@mx.customer.test
                To: %DESK%
                Subject: failure notice
                Message-ID: <bounce-2@mx.bounce.test>
                X-Failed-Recipients: full@bounce.test

                Hi. This is the qmail-send program at mx.customer.test.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <full@bounce.test>:
                552 5.2.2 mailbox full

                --- Below this line is a copy of the message.

                From: desk@example.test
                To: full@bounce.test
                Message-ID: %OURS%
                Subject: We received your request
                """.replace("%OURS%", ours));

        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
        assertThat(entry.get("ticketDisplayId").asString()).isEqualTo(ticket.displayId());
        assertThat(onlyConversation(ticket).bodyText()).contains("full@bounce.test: failed", "552 5.2.2 mailbox full");
    }

    @Test
    void bounceOfMailWeDidNotSendEndsAsAutomaticMail() throws Exception {
        Desk desk = intake.desk(greenMail);
        long ticketsBefore = intake.tickets();

        JsonNode entry = intake.receive(desk, """
                From: MAILER-DAEMON@mx.customer.test
                To: %DESK%
                Subject: Undelivered Mail Returned to Sender
                Message-ID: <bounce-3@mx.bounce.test>
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r3"

                --r3
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.customer.test

                Final-Recipient: rfc822; someone@customer.test
                Action: failed
                Status: 5.1.1

                --r3
                Content-Type: text/rfc822-headers

                Message-ID: <not-ours@elsewhere.test>

                --r3--
                """);

        assertThat(entry.get("status").asString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(entry.get("message").asString()).isEqualTo(AuditMessages.AUTOMATIC_MAIL);
        assertThat(step(entry, "bounce").get("detail").asString()).contains("<not-ours@elsewhere.test>", "none of the Message-IDs");
        assertThat(intake.tickets()).isEqualTo(ticketsBefore);
    }

    @Test
    void spamRejectionIsRecordedButTheRequesterStillGetsTheNextNotification() throws Exception {
        Desk desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "filtered@bounce.test", "<b-orig-soft@bounce.test>");
        String ours = acknowledgment(ticket, "filtered@bounce.test");

        JsonNode entry = intake.receive(desk, dsn("<bounce-soft@mx.bounce.test>", "filtered@bounce.test", "5.7.1",
                "550 5.7.1 Message rejected as spam by Content Filtering.", ours));

        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
        assertThat(step(entry, "bounce").get("detail").asString()).contains("linked by the returned Message-ID " + ours,
                "5.7.1", AuditMessages.BOUNCE_ADDRESS_KEPT);
        assertThat(onlyConversation(ticket).bodyText()).contains("filtered@bounce.test: failed (5.7.1)",
                FailureCause.SPAM_OR_POLICY.words(), AuditMessages.BOUNCE_ADDRESS_KEPT);
        var failed = sendFailed(ticket);
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).get("recipients")).isEqualTo("filtered@bounce.test");
        assertThat(failed.get(0).get("ticket_display_id")).isEqualTo(ticket.displayId());
        assertThat((String) failed.get(0).get("message")).isEqualTo(AuditMessages.bounced(
                "filtered@bounce.test: failed (5.7.1) 550 5.7.1 Message rejected as spam by Content Filtering.",
                FailureCause.SPAM_OR_POLICY.words(), AuditMessages.BOUNCE_ADDRESS_KEPT));
        assertThat(suppressions.reasonFor("filtered@bounce.test")).isEmpty();

        tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED));
        assertThat(resolvedNotificationsTo(ticket, "filtered@bounce.test")).isEqualTo(1);
        assertThat(sendIgnored(ticket)).isEmpty();
    }

    @Test
    void unknownUserMarksTheAddressAndTheNextNotificationIsNotSent() throws Exception {
        Desk desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "nobody@bounce.test", "<b-orig-hard@bounce.test>");
        String ours = acknowledgment(ticket, "nobody@bounce.test");

        JsonNode entry = intake.receive(desk, dsn("<bounce-hard@mx.bounce.test>", "nobody@bounce.test", "5.1.1",
                "550 5.1.1 <nobody@bounce.test>: Recipient address rejected: User unknown in local recipient table", ours));

        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
        assertThat((String) sendFailed(ticket).get(0).get("message")).contains(FailureCause.MAILBOX_UNKNOWN.words(),
                AuditMessages.BOUNCE_ADDRESS_MARKED);
        assertThat(suppressions.reasonFor("nobody@bounce.test")).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("undeliverable: nobody@bounce.test: failed (5.1.1)")
                .contains(FailureCause.MAILBOX_UNKNOWN.words(), "bounce <bounce-hard@mx.bounce.test>", "inbound email #"));

        tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED));
        assertThat(resolvedNotificationsTo(ticket, "nobody@bounce.test")).isZero();
        assertThat(sendIgnored(ticket)).singleElement().satisfies(message -> assertThat(message)
                .startsWith("Recipient nobody@bounce.test is marked undeliverable: undeliverable: nobody@bounce.test"));
    }

    @Test
    void plainTextBounceWithoutOurMessageIdIsLinkedByItsRecipient() throws Exception {
        Desk desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "nomid@bounce.test", "<b-orig-nomid@bounce.test>");
        long ticketsBefore = intake.tickets();

        JsonNode entry = intake.receive(desk, """
                From: MAILER-DAEMON@mx.customer.test
                To: %DESK%
                Subject: failure notice
                Message-ID: <bounce-nomid@mx.bounce.test>

                Hi. This is the qmail-send program at mx.customer.test.
                I'm afraid I wasn't able to deliver your message to the following addresses.
                This is a permanent error; I've given up. Sorry it didn't work out.

                <nomid@bounce.test>:
                192.0.2.7 does not like recipient.
                Remote host said: 552 5.2.2 <nomid@bounce.test>... Mailbox full
                Giving up on 192.0.2.7.

                --- Below this line is a copy of the message.

                Return-Path: <desk@example.test>
                Subject: We received your request
                """);

        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
        assertThat(entry.get("ticketDisplayId").asString()).isEqualTo(ticket.displayId());
        assertThat(step(entry, "bounce").get("detail").asString())
                .contains("linked by recipient nomid@bounce.test to the notification sent", "returns no Message-ID of ours",
                        "552 5.2.2", AuditMessages.BOUNCE_ADDRESS_KEPT);
        assertThat(intake.tickets()).isEqualTo(ticketsBefore);
        assertThat(sendFailed(ticket)).singleElement().satisfies(row -> assertThat((String) row.get("message"))
                .contains("nomid@bounce.test", FailureCause.MAILBOX_FULL.words()));
        assertThat(suppressions.reasonFor("nomid@bounce.test")).isEmpty();
    }

    @Test
    void repeatedSoftBouncesMarkTheAddressForAWhile() throws Exception {
        Desk desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "fullbox@bounce.test", "<b-orig-full@bounce.test>");
        String ours = acknowledgment(ticket, "fullbox@bounce.test");

        for (int i = 1; i <= 3; i++) {
            JsonNode entry = intake.receive(desk, dsn("<bounce-full-" + i + "@mx.bounce.test>", "fullbox@bounce.test",
                    "5.2.2", "552 5.2.2 <fullbox@bounce.test>... Mailbox full", ours));
            assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
            if (i < 3) {
                assertThat(suppressions.reasonFor("fullbox@bounce.test")).as("after soft bounce " + i).isEmpty();
            }
        }
        assertThat(suppressions.reasonFor("fullbox@bounce.test")).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("temporarily undeliverable until ")
                .contains("3 soft bounces in 7 days", FailureCause.MAILBOX_FULL.words(), "bounce <bounce-full-3@mx.bounce.test>"));
        assertThat(sendFailed(ticket)).hasSize(3).last().satisfies(row -> assertThat((String) row.get("message"))
                .contains("its 3 soft bounces in 7 days mark it undeliverable until"));
        assertThat(api.admin().get("/api/recipient-suppressions").toString()).contains("fullbox@bounce.test", "expiresAt");
        assertThat(suppressions.release("fullbox@bounce.test")).isTrue();
        assertThat(suppressions.reasonFor("fullbox@bounce.test")).isEmpty();
    }

    @Test
    void aTemporaryMarkLapsesAndNeverReplacesAPermanentOne() {
        suppressions.suppressUntil("lapsed@bounce.test", "temporarily undeliverable", java.time.Instant.now().minusSeconds(60));
        assertThat(suppressions.reasonFor("lapsed@bounce.test")).isEmpty();
        assertThat(suppressions.list()).noneMatch(mark -> mark.address().equals("lapsed@bounce.test"));

        suppressions.suppress("kept@bounce.test", "undeliverable: 550 5.1.1 user unknown");
        assertThat(suppressions.suppressUntil("kept@bounce.test", "temporarily undeliverable",
                java.time.Instant.now().plusSeconds(3600))).isFalse();
        assertThat(suppressions.reasonFor("kept@bounce.test")).hasValue("undeliverable: 550 5.1.1 user unknown");
    }

    private static String dsn(String bounceId, String recipient, String status, String diagnostic, String ours) {
        return """
                From: Mail Delivery System <MAILER-DAEMON@mx.customer.test>
                To: %DESK%
                Subject: Undelivered Mail Returned to Sender
                Message-ID: %BOUNCE%
                Auto-Submitted: auto-replied
                MIME-Version: 1.0
                Content-Type: multipart/report; report-type=delivery-status; boundary="r9"

                --r9
                Content-Type: text/plain

                I'm sorry to have to inform you that your message could not be delivered.

                --r9
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.customer.test

                Final-Recipient: rfc822; %RCPT%
                Action: failed
                Status: %STATUS%
                Diagnostic-Code: smtp; %DIAG%

                --r9
                Content-Type: text/rfc822-headers

                To: %RCPT%
                Subject: We received your request
                Message-ID: %OURS%

                --r9--
                """.replace("%BOUNCE%", bounceId).replace("%RCPT%", recipient).replace("%STATUS%", status)
                .replace("%DIAG%", diagnostic).replace("%OURS%", ours);
    }

    private java.util.List<java.util.Map<String, Object>> sendFailed(Ticket ticket) {
        return jdbc.sql("""
                select message, recipients, message_id, ticket_id, ticket_display_id from audit_entry
                where status = 'SEND_FAILED' and ticket_id = :t""")
                .param("t", ticket.id()).query().listOfRows();
    }

    private List<String> sendIgnored(Ticket ticket) {
        return jdbc.sql("select message from audit_entry where status = 'SEND_IGNORED' and ticket_id = :t")
                .param("t", ticket.id()).query(String.class).list();
    }

    private long resolvedNotificationsTo(Ticket ticket, String address) {
        return jdbc.sql("""
                select count(*) from outbox_email e join outbox_recipient r on r.outbox_id = e.id
                where e.ticket_id = :t and e.kind = 'TICKET_RESOLVED' and r.address = :a""")
                .param("t", ticket.id()).param("a", address).query(Long.class).single();
    }

    /** What the notifications put into the outbox for a new ticket, as far as a bounce needs it. */
    private String acknowledgment(Ticket ticket, String requester) {
        String messageId = threadIds.generate(ticket.displayId());
        outbox.enqueue(new NewOutboundEmail(OutboundKind.ACKNOWLEDGMENT, ticket.id(), null, ticket.incomingServerId(),
                null, List.of(OutboundRecipient.to(requester)), messageId, ticket.messageId(), List.of(ticket.messageId()),
                "[" + ticket.displayId() + "] We received your request", "We received your request.", null, List.of()));
        return messageId;
    }

    private Ticket newTicket(Desk desk, String requester, String messageId) throws Exception {
        JsonNode created = intake.receive(desk, """
                From: %s
                To: %%DESK%%
                Subject: Printer on fire
                Message-ID: %s

                The printer is on fire.
                """.formatted(requester, messageId));
        assertThat(created.get("status").asString()).as(created.toString()).isEqualTo("PROCESSED");
        return tickets.findByDisplayId(created.get("ticketDisplayId").asString()).orElseThrow();
    }

    private Conversation onlyConversation(Ticket ticket) {
        List<Conversation> conversations = tickets.conversations(ticket.id());
        assertThat(conversations).hasSize(1);
        return conversations.get(0);
    }
}
