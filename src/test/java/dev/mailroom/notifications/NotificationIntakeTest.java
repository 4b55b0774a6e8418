package dev.mailroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.intake.IntakeHarness.Desk;
import dev.mailroom.notifications.Outboxes.Recipient;
import dev.mailroom.notifications.Outboxes.Row;
import dev.mailroom.outgoing.OwnMailSeal;
import dev.mailroom.platform.MailIdentity;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.ConversationDirection;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketStatus;
import dev.mailroom.tickets.threading.ThreadIds;
import tools.jackson.databind.JsonNode;

/**
 * Notifications end to end with the intake: mail in → ticket → acknowledgment in the outbox; that acknowledgment
 * coming back into the desk mailbox is ignored as our own; an out-of-office answer to it lands on the ticket without
 * a new ticket, a reopen or another notification; the requester's answer to a technician's reply threads by the
 * Message-ID recorded for it.
 */
@MailroomTest
@Import({ IntakeHarness.class, Outboxes.class })
class NotificationIntakeTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()));

    @Autowired
    IntakeHarness intake;
    @Autowired
    Outboxes outbox;
    @Autowired
    TicketService tickets;
    @Autowired
    ThreadIds threadIds;
    @Autowired
    Api api;
    @Autowired
    OwnMailSeal seal;

    @Test
    void acknowledgmentComingBackIsIgnoredAndAnOutOfOfficeAnswerToItStartsNoLoop() throws Exception {
        Desk desk = intake.desk(greenMail);
        Ticket ticket = requestByMail(desk, "alice@customer.test", "<req-1@customer.test>", "Printer on fire");

        List<Row> rows = outbox.ofTicket(ticket.id());
        assertThat(rows).hasSize(1);
        Row acknowledgment = rows.get(0);
        assertThat(acknowledgment.kind()).isEqualTo("ACKNOWLEDGMENT");
        assertThat(acknowledgment.subject()).startsWith("[" + ticket.displayId() + "] ").contains("Printer on fire");
        assertThat(threadIds.read(acknowledgment.messageId()).signed()).isTrue();
        assertThat(threadIds.read(acknowledgment.messageId()).displayId()).isEqualTo(ticket.displayId());
        assertThat(acknowledgment.inReplyTo()).isEqualTo("<req-1@customer.test>");
        assertThat(acknowledgment.references()).isEqualTo("<req-1@customer.test>");
        assertThat(acknowledgment.incomingServerId()).isEqualTo(desk.serverId());
        assertThat(outbox.recipients(acknowledgment.id())).containsExactly(
                new Recipient("TO", "alice@customer.test", "PENDING"));

        long ticketsBefore = intake.tickets();
        JsonNode own = intake.receive(desk, """
                From: IT Service Desk <%DESK%>
                To: %DESK%
                Subject: SUBJECT
                Message-ID: MESSAGE_ID
                In-Reply-To: <req-1@customer.test>
                References: <req-1@customer.test>
                Auto-Submitted: auto-generated
                X-Auto-Response-Suppress: All
                X-Mailroom-Notification: ACKNOWLEDGMENT
                X-Mailroom-Seal: SEAL
                Content-Type: text/plain; charset=utf-8

                BODY
                """.replace("SUBJECT", acknowledgment.subject()).replace("MESSAGE_ID", acknowledgment.messageId())
                .replace("SEAL", seal.of(acknowledgment.messageId())).replace("BODY", acknowledgment.bodyText()));
        assertThat(own.get("status").asString()).as(own.toString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(own.get("message").asString()).isEqualTo(AuditMessages.SYSTEM_ACKNOWLEDGMENT);
        assertThat(IntakeHarness.step(own, "own-mail").get("detail").asString())
                .contains("this installation's seal", MailIdentity.NOTIFICATION_HEADER);

        api.technician().patch("/api/tickets/" + ticket.displayId(), Map.of("status", "RESOLVED"));
        Row resolved = outbox.ofTicket(ticket.id()).get(1);
        assertThat(resolved.kind()).isEqualTo("TICKET_RESOLVED");
        // A relay that strips X- headers: the Message-ID this installation signed still tells it is ours.
        JsonNode stripped = intake.receive(desk, """
                From: IT Service Desk <%DESK%>
                To: %DESK%
                Subject: SUBJECT
                Message-ID: MESSAGE_ID
                Content-Type: text/plain; charset=utf-8

                Resolved.
                """.replace("SUBJECT", resolved.subject()).replace("MESSAGE_ID", resolved.messageId()));
        assertThat(stripped.get("status").asString()).as(stripped.toString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(stripped.get("message").asString()).isEqualTo(AuditMessages.SYSTEM_ACKNOWLEDGMENT);
        assertThat(IntakeHarness.step(stripped, "own-mail").get("detail").asString()).contains("is one this installation signed");

        long rowsBeforeAutoReply = outbox.ofTicket(ticket.id()).size();
        JsonNode outOfOffice = intake.receive(desk, """
                From: Alice <alice@customer.test>
                To: %DESK%
                Subject: Automatic reply: SUBJECT
                Message-ID: <ooo-1@customer.test>
                In-Reply-To: MESSAGE_ID
                References: MESSAGE_ID
                Auto-Submitted: auto-replied
                Content-Type: text/plain; charset=utf-8

                I am out of the office until Monday.
                """.replace("SUBJECT", acknowledgment.subject()).replace("MESSAGE_ID", acknowledgment.messageId()));

        assertThat(outOfOffice.get("status").asString()).as(outOfOffice.toString()).isEqualTo("PROCESSED");
        assertThat(outOfOffice.get("ticketDisplayId").asString()).isEqualTo(ticket.displayId());
        assertThat(intake.tickets()).as("no new ticket").isEqualTo(ticketsBefore);
        assertThat(outbox.ofTicket(ticket.id())).as("no notification answers the auto-reply").hasSize((int) rowsBeforeAutoReply);
        assertThat(tickets.findById(ticket.id()).orElseThrow().status()).as("not reopened").isEqualTo(TicketStatus.RESOLVED);
        assertThat(outbox.ignored(ticket.id())).isEmpty();
    }

    @Test
    void theRequestersAnswerToATechniciansReplyThreadsByItsMessageId() throws Exception {
        Desk desk = intake.desk(greenMail);
        Ticket ticket = requestByMail(desk, "bob@customer.test", "<req-2@customer.test>", "Cannot log in");

        var reply = api.technician().post("/api/tickets/" + ticket.displayId() + "/replies",
                Map.of("body", "Try resetting your password.", "cc", List.of("carol@customer.test")));
        assertThat(reply.status()).isEqualTo(201);
        Row sent = outbox.ofTicket(ticket.id()).get(1);
        assertThat(sent.kind()).isEqualTo("TECHNICIAN_REPLY");
        assertThat(sent.inReplyTo()).isEqualTo("<req-2@customer.test>");
        assertThat(sent.references()).isEqualTo("<req-2@customer.test> " + outbox.ofTicket(ticket.id()).get(0).messageId());
        assertThat(outbox.recipients(sent.id())).containsExactly(new Recipient("TO", "bob@customer.test", "PENDING"),
                new Recipient("CC", "carol@customer.test", "PENDING"));

        // No ticket reference in the subject: only the recorded Message-ID can thread this answer.
        JsonNode answer = intake.receive(desk, """
                From: Bob <bob@customer.test>
                To: %DESK%
                Subject: Re: that did it
                Message-ID: <answer-2@customer.test>
                In-Reply-To: MESSAGE_ID
                Content-Type: text/plain; charset=utf-8

                That worked, thanks.
                """.replace("MESSAGE_ID", sent.messageId()));

        assertThat(answer.get("status").asString()).as(answer.toString()).isEqualTo("PROCESSED");
        assertThat(answer.get("ticketDisplayId").asString()).isEqualTo(ticket.displayId());
        List<Conversation> thread = tickets.conversations(ticket.id());
        assertThat(thread).extracting(Conversation::direction)
                .containsExactly(ConversationDirection.OUTGOING, ConversationDirection.INCOMING);
        assertThat(thread.get(0).messageId()).isEqualTo(sent.messageId());
        assertThat(thread.get(1).bodyText()).contains("That worked, thanks.");
        assertThat(outbox.ofTicket(ticket.id())).as("an answer is not acknowledged").hasSize(2);
    }

    private Ticket requestByMail(Desk desk, String from, String messageId, String subject) throws Exception {
        JsonNode created = intake.receive(desk, "From: " + from + "\nTo: %DESK%\nSubject: " + subject
                + "\nMessage-ID: " + messageId + "\nContent-Type: text/plain; charset=utf-8\n\nIt is urgent.\n");
        assertThat(created.get("status").asString()).as(created.toString()).isEqualTo("PROCESSED");
        return tickets.findByDisplayId(created.get("ticketDisplayId").asString()).orElseThrow();
    }
}
