package dev.mailroom.intake;

import static dev.mailroom.intake.IntakeHarness.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.intake.IntakeHarness.Desk;
import dev.mailroom.spool.InboundEmailRepository;
import dev.mailroom.spool.InboundState;
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
 * Replies end to end: mailbox → fetch → intake → the reply on the right ticket (or, when it must not thread, a new
 * ticket or "Subject matched with other regex prefix"), with a trace that says which keys were tried.
 */
@MailroomTest
@Import(IntakeHarness.class)
class ThreadingIntakeTest {

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
    IntakeProcessor processor;
    @Autowired
    InboundEmailRepository inbound;
    @Autowired
    JdbcClient jdbc;

    @Test
    void replyToTheEmailThatCreatedATicketIsAddedToIt() throws Exception {
        var desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "alice@customer.test", "<orig-1@customer.test>");
        long ticketsBefore = intake.tickets();

        JsonNode entry = intake.receive(desk, """
                From: Alice <alice@customer.test>
                To: %DESK%
                Cc: bob@customer.test
                Subject: Re: Printer on fire
                Message-ID: <reply-1@customer.test>
                In-Reply-To: <orig-1@customer.test>
                References: <orig-1@customer.test>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=utf-8

                It is still burning.

                > The printer on floor 3 is on fire.
                --b1
                Content-Type: text/plain; name="photo.txt"
                Content-Disposition: attachment; filename="photo.txt"

                flames
                --b1--
                """);

        assertProcessedOn(entry, ticket);
        assertThat(step(entry, "threading").get("detail").asString())
                .contains("In-Reply-To <orig-1@customer.test> is the email that created " + ticket.displayId());
        assertThat(step(entry, "reply").get("detail").asString()).contains("added reply to " + ticket.displayId(), "1 attachment");
        assertThat(intake.tickets()).isEqualTo(ticketsBefore);
        Conversation reply = onlyConversation(ticket);
        assertThat(reply.direction()).isEqualTo(ConversationDirection.INCOMING);
        assertThat(reply.from()).isEqualTo("alice@customer.test");
        assertThat(reply.to()).containsExactly(desk.address());
        assertThat(reply.cc()).containsExactly("bob@customer.test");
        assertThat(reply.messageId()).isEqualTo("<reply-1@customer.test>");
        assertThat(reply.bodyText()).contains("It is still burning.", "> The printer on floor 3 is on fire.");
        assertThat(jdbc.sql("select file_name from attachment where ticket_id = :t and conversation_id = :c")
                .param("t", ticket.id()).param("c", reply.id()).query(String.class).list()).containsExactly("photo.txt");
    }

    @Test
    void subjectReferenceThreadsWhenTheClientDroppedTheHeadersAndOnlyForParticipants() throws Exception {
        var desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "carol@customer.test", "<orig-2@customer.test>");
        intake.receive(desk, """
                From: carol@customer.test
                To: %DESK%
                Cc: dan@customer.test
                Subject: Re: Printer on fire
                Message-ID: <reply-2a@customer.test>
                In-Reply-To: <orig-2@customer.test>

                Adding Dan, who sits next to it.
                """);

        JsonNode fromRequester = intake.receive(desk, subjectOnly("carol@customer.test", "%DESK%",
                "Re: [" + ticket.displayId() + "] Printer on fire", "<reply-2b@customer.test>"));
        JsonNode fromParticipant = intake.receive(desk, subjectOnly("dan@customer.test", "%DESK%",
                "AW: Printer on fire (" + ticket.displayId().toLowerCase() + ")", "<reply-2c@customer.test>"));

        assertProcessedOn(fromRequester, ticket);
        assertThat(step(fromRequester, "threading").get("detail").asString())
                .contains("no In-Reply-To or References", "the subject names " + ticket.displayId());
        assertProcessedOn(fromParticipant, ticket);
        assertThat(tickets.conversations(ticket.id())).extracting(Conversation::from)
                .containsExactly("carol@customer.test", "carol@customer.test", "dan@customer.test");
    }

    @Test
    void strangerQuotingATicketReferenceGetsANewTicket() throws Exception {
        var desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "erin@customer.test", "<orig-3@customer.test>");
        long ticketsBefore = intake.tickets();

        JsonNode entry = intake.receive(desk, subjectOnly("eve@attacker.test", "%DESK%",
                "Re: [" + ticket.displayId() + "] Printer on fire", "<evil-3@attacker.test>"));

        assertThat(entry.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(entry.get("ticketDisplayId").asString()).isNotEqualTo(ticket.displayId());
        assertThat(intake.tickets()).isEqualTo(ticketsBefore + 1);
        assertThat(step(entry, "threading").get("detail").asString()).contains("subject reference " + ticket.displayId()
                + ": sender eve@attacker.test is not the requester or a participant of " + ticket.displayId());
        assertThat(tickets.conversations(ticket.id())).isEmpty();
    }

    @Test
    void strangerQuotingAReservedPrefixIsRefused() throws Exception {
        var desk = intake.desk(greenMail, "requestIdPrefixes", List.of("INC-", "REQ-"));
        Ticket ticket = newTicket(desk, "frank@customer.test", "<orig-4@customer.test>");
        long ticketsBefore = intake.tickets();

        JsonNode stranger = intake.receive(desk, subjectOnly("eve@attacker.test", "%DESK%",
                "Re: [" + ticket.displayId() + "] Printer on fire", "<evil-4@attacker.test>"));
        JsonNode unknownRequest = intake.receive(desk, subjectOnly("frank@customer.test", "%DESK%",
                "Re: req-17 laptop", "<req-4@customer.test>"));

        assertFinal(stranger, "PROCESSED_FAILED", "Subject matched with other regex prefix");
        assertThat(step(stranger, "reserved-prefix").get("detail").asString()).contains(ticket.displayId(), "prefix INC-",
                "sender eve@attacker.test is not the requester or a participant");
        assertFinal(unknownRequest, "PROCESSED_FAILED", "Subject matched with other regex prefix");
        assertThat(step(unknownRequest, "reserved-prefix").get("detail").asString()).contains("REQ-17", "no such ticket");
        assertThat(intake.tickets()).isEqualTo(ticketsBefore);
        assertThat(tickets.conversations(ticket.id())).isEmpty();
    }

    @Test
    void subjectReferenceDoesNotThreadWhenTheDeskMailboxWasNotAddressed() throws Exception {
        var desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "gina@customer.test", "<orig-5@customer.test>");

        JsonNode entry = intake.receive(desk, subjectOnly("gina@customer.test", "someone-else@customer.test",
                "Re: [" + ticket.displayId() + "] Printer on fire", "<fwd-5@customer.test>"));

        assertThat(entry.get("ticketDisplayId").asString()).isNotEqualTo(ticket.displayId());
        assertThat(step(entry, "threading").get("detail").asString()).contains("the desk mailbox is not in To, Cc or Bcc");
    }

    @Test
    void newEmailWithoutReferencesMakesANewTicket() throws Exception {
        var desk = intake.desk(greenMail);
        long ticketsBefore = intake.tickets();

        JsonNode entry = intake.receive(desk, subjectOnly("henry@customer.test", "%DESK%", "Monitor flickers",
                "<new-6@customer.test>"));

        assertThat(entry.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(intake.tickets()).isEqualTo(ticketsBefore + 1);
        assertThat(step(entry, "threading").get("detail").asString())
                .contains("no In-Reply-To or References", "the subject names no ticket");
        assertThat(step(entry, "reply").get("verdict").asString()).isEqualTo("pass");
    }

    @Test
    void replyToOurSignedMessageIdThreadsAndAForgedOneDoesNot() throws Exception {
        var desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "ivan@customer.test", "<orig-7@customer.test>");
        String signed = threadIds.generate(ticket.displayId());
        int signatureStart = signed.indexOf('@') - 24;
        String forged = signed.substring(0, signatureStart) + (signed.charAt(signatureStart) == '0' ? '1' : '0')
                + signed.substring(signatureStart + 1);

        JsonNode genuine = intake.receive(desk, replyTo("ivan@customer.test", "Re: Your request", "<reply-7a@customer.test>", signed));
        JsonNode fake = intake.receive(desk, replyTo("ivan@customer.test", "Re: Your request", "<reply-7b@customer.test>", forged));
        String missing = threadIds.generate("INC-999999");
        JsonNode gone = intake.receive(desk, replyTo("ivan@customer.test", "Re: Old request", "<reply-7c@customer.test>", missing));

        assertProcessedOn(genuine, ticket);
        assertThat(step(genuine, "threading").get("detail").asString()).contains("signed Message-ID for " + ticket.displayId());
        assertThat(fake.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(fake.get("ticketDisplayId").asString()).isNotEqualTo(ticket.displayId());
        assertThat(step(fake, "threading").get("detail").asString()).contains(forged, "signature does not match");
        assertThat(step(gone, "threading").get("detail").asString()).contains("signed for INC-999999, which does not exist");
        assertThat(tickets.conversations(ticket.id())).extracting(Conversation::messageId).containsExactly("<reply-7a@customer.test>");
    }

    @Test
    void requestersReplyReopensAResolvedTicketButNotAClosedOne() throws Exception {
        var desk = intake.desk(greenMail);
        Ticket resolved = newTicket(desk, "judy@customer.test", "<orig-8@customer.test>");
        Ticket closed = newTicket(desk, "judy@customer.test", "<orig-8b@customer.test>");
        tickets.update(resolved.id(), TicketChanges.status(TicketStatus.RESOLVED));
        tickets.update(closed.id(), TicketChanges.status(TicketStatus.CLOSED));

        JsonNode other = intake.receive(desk, replyTo("kim@customer.test", "Re: thanks", "<reply-8a@customer.test>", "<orig-8@customer.test>"));
        assertProcessedOn(other, resolved);
        assertThat(status(resolved)).as("a reply from someone else").isEqualTo(TicketStatus.RESOLVED);

        JsonNode requester = intake.receive(desk, replyTo("judy@customer.test", "Re: not fixed", "<reply-8b@customer.test>", "<orig-8@customer.test>"));
        JsonNode toClosed = intake.receive(desk, replyTo("judy@customer.test", "Re: not fixed", "<reply-8c@customer.test>", "<orig-8b@customer.test>"));

        assertProcessedOn(requester, resolved);
        assertThat(status(resolved)).isEqualTo(TicketStatus.OPEN);
        assertThat(step(requester, "reply").get("detail").asString()).contains("reopened");
        assertProcessedOn(toClosed, closed);
        assertThat(status(closed)).isEqualTo(TicketStatus.CLOSED);
        assertThat(step(toClosed, "reply").get("detail").asString()).contains("stays CLOSED");
    }

    @Test
    void outOfOfficeReplyIsAddedWithoutReopeningOrANewTicket() throws Exception {
        var desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "liam@customer.test", "<orig-9@customer.test>");
        tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED));
        long ticketsBefore = intake.tickets();

        JsonNode entry = intake.receive(desk, """
                From: liam@customer.test
                To: %DESK%
                Subject: Out of office: Printer on fire
                Message-ID: <ooo-9@customer.test>
                In-Reply-To: <orig-9@customer.test>
                Auto-Submitted: auto-replied

                I am away until Monday.
                """);

        assertProcessedOn(entry, ticket);
        assertThat(step(entry, "reply").get("detail").asString()).contains("stays RESOLVED", "automatic reply");
        assertThat(status(ticket)).isEqualTo(TicketStatus.RESOLVED);
        assertThat(onlyConversation(ticket).bodyText()).contains("away until Monday");
        assertThat(intake.tickets()).isEqualTo(ticketsBefore);
    }

    @Test
    void dryRunOfAReplyChangesNothing() throws Exception {
        var desk = intake.desk(greenMail);
        Ticket ticket = newTicket(desk, "mia@customer.test", "<orig-10@customer.test>");
        JsonNode entry = intake.receive(desk, """
                From: mia@customer.test
                To: %DESK%
                Subject: Re: Printer on fire
                Message-ID: <reply-10@customer.test>
                In-Reply-To: <orig-10@customer.test>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain

                Here is the log.
                --b1
                Content-Type: text/plain; name="log.txt"
                Content-Disposition: attachment; filename="log.txt"

                error 42
                --b1--
                """);
        assertProcessedOn(entry, ticket);
        tickets.update(ticket.id(), TicketChanges.status(TicketStatus.RESOLVED));
        Map<String, Long> before = rowCounts();

        IntakeOutcome dryRun = processor.judge(inbound.findById(entry.get("inboundEmailId").asLong()).orElseThrow(), true,
                InboundState.PROCESSED);

        assertThat(dryRun.status().name()).isEqualTo("PROCESSED");
        assertThat(dryRun.ticketDisplayId()).isEqualTo(ticket.displayId());
        assertThat(dryRun.trace().get(dryRun.trace().size() - 1).detail())
                .contains("would add reply to " + ticket.displayId(), "1 attachment", "reopened");
        assertThat(rowCounts()).isEqualTo(before);
        assertThat(status(ticket)).isEqualTo(TicketStatus.RESOLVED);
    }

    private Ticket newTicket(Desk desk, String requester, String messageId) throws Exception {
        JsonNode created = intake.receive(desk, subjectOnly(requester, "%DESK%", "Printer on fire", messageId));
        assertThat(created.get("status").asString()).as(created.toString()).isEqualTo("PROCESSED");
        return tickets.findByDisplayId(created.get("ticketDisplayId").asString()).orElseThrow();
    }

    private TicketStatus status(Ticket ticket) {
        return tickets.findById(ticket.id()).orElseThrow().status();
    }

    private Conversation onlyConversation(Ticket ticket) {
        List<Conversation> conversations = tickets.conversations(ticket.id());
        assertThat(conversations).hasSize(1);
        return conversations.get(0);
    }

    private Map<String, Long> rowCounts() {
        Map<String, Long> counts = new java.util.TreeMap<>();
        for (String table : List.of("ticket", "conversation", "attachment", "audit_entry", "ticket_counter")) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put("ticket_counter.last_number", jdbc.sql("select coalesce(sum(last_number), 0) from ticket_counter")
                .query(Long.class).single());
        return counts;
    }

    private static void assertProcessedOn(JsonNode entry, Ticket ticket) {
        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo("PROCESSED");
        assertThat(entry.get("ticketDisplayId").asString()).isEqualTo(ticket.displayId());
        assertThat(entry.get("ticketId").asLong()).isEqualTo(ticket.id());
    }

    private static void assertFinal(JsonNode entry, String status, String message) {
        assertThat(entry.get("status").asString()).as(entry.toString()).isEqualTo(status);
        assertThat(entry.get("message").asString()).isEqualTo(message);
    }

    private static String subjectOnly(String from, String to, String subject, String messageId) {
        return "From: " + from + "\nTo: " + to + "\nSubject: " + subject + "\nMessage-ID: " + messageId
                + "\n\nHello desk,\nplease help.\n";
    }

    private static String replyTo(String from, String subject, String messageId, String inReplyTo) {
        return "From: " + from + "\nTo: %DESK%\nSubject: " + subject + "\nMessage-ID: " + messageId + "\nIn-Reply-To: "
                + inReplyTo + "\nReferences: " + inReplyTo + "\n\nStill broken.\n";
    }
}
