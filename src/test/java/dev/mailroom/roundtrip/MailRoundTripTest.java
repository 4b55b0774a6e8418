package dev.mailroom.roundtrip;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.intake.IntakeHarness.Desk;
import dev.mailroom.platform.MailIdentity;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.ConversationDirection;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.threading.ThreadIds;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import tools.jackson.databind.JsonNode;

/**
 * The whole conversation over real SMTP and IMAP: a requester's email becomes a ticket, the acknowledgment reaches the
 * requester's mailbox, the requester's reply to it threads onto the ticket, a technician's reply through the API
 * reaches the requester with the ticket reference and threading headers; our acknowledgment delivered back into the
 * desk mailbox is ignored, and an out-of-office answer to it makes no ticket and no second acknowledgment.
 */
@MailroomTest
@Import(IntakeHarness.class)
@TestPropertySource(properties = "mailroom.outgoing.sending-enabled=true")
@DirtiesContext
class MailRoundTripTest {

    private static final String ALICE = "alice@customer.test";

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
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void requestAcknowledgmentReplyAndTechnicianAnswerThreadEndToEnd() throws Exception {
        Desk desk = intake.desk(greenMail);
        outgoingServerFor(desk);

        JsonNode created = intake.receive(desk, """
                From: Alice <alice@customer.test>
                To: %DESK%
                Subject: VPN drops every hour
                Message-ID: <vpn-1@customer.test>
                Content-Type: text/plain; charset=utf-8

                My VPN connection drops every hour.
                """);
        assertThat(created.get("status").asString()).as(created.toString()).isEqualTo("PROCESSED");
        Ticket ticket = tickets.findByDisplayId(created.get("ticketDisplayId").asString()).orElseThrow();

        MimeMessage acknowledgment = nextMailTo(ALICE, 1);
        assertThat(acknowledgment.getSubject()).contains("[" + ticket.displayId() + "]", "VPN drops every hour");
        assertThat(threadIds.read(acknowledgment.getMessageID()).displayId()).isEqualTo(ticket.displayId());
        assertThat(acknowledgment.getHeader("In-Reply-To", null)).isEqualTo("<vpn-1@customer.test>");
        assertThat(acknowledgment.getHeader(MailIdentity.NOTIFICATION_HEADER, null)).isEqualToIgnoringCase("ACKNOWLEDGMENT");
        assertThat(acknowledgment.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(acknowledgment.getHeader("X-Auto-Response-Suppress", null)).isNotBlank();
        assertThat(((InternetAddress) acknowledgment.getFrom()[0]).getAddress()).isEqualTo(desk.address());
        assertThat(((InternetAddress) acknowledgment.getReplyTo()[0]).getAddress()).isEqualTo(desk.address());
        assertSent(ticket, acknowledgment.getMessageID());

        // Alice answers the acknowledgment in her mail client: In-Reply-To and References name our Message-ID.
        MimeMessage answer = (MimeMessage) acknowledgment.reply(false);
        answer.setFrom(new InternetAddress(ALICE, "Alice"));
        answer.setRecipients(Message.RecipientType.TO, desk.address());
        answer.setText("It dropped again at 10:00.\n\n> " + GreenMailUtil.getBody(acknowledgment).lines().findFirst().orElse(""));
        answer.saveChanges();
        desk.user().deliver(answer);
        JsonNode threaded = intake.receiveDelivered(desk);
        assertThat(threaded.get("status").asString()).as(threaded.toString()).isEqualTo("PROCESSED");
        assertThat(threaded.get("ticketDisplayId").asString()).isEqualTo(ticket.displayId());

        var reply = api.technician().post("/api/tickets/" + ticket.displayId() + "/replies",
                Map.of("body", "Please update the VPN client to 5.2."));
        assertThat(reply.status()).isEqualTo(201);
        MimeMessage technicianReply = nextMailTo(ALICE, 2);
        assertThat(technicianReply.getSubject()).contains("[" + ticket.displayId() + "]");
        assertThat(GreenMailUtil.getBody(technicianReply)).contains("Please update the VPN client to 5.2.");
        assertThat(technicianReply.getHeader("Auto-Submitted", null)).as("a person's reply is not automatic").isNull();
        assertThat(technicianReply.getHeader("In-Reply-To", null)).isEqualTo(answer.getMessageID());
        assertThat(technicianReply.getHeader("References", null)).contains("<vpn-1@customer.test>",
                acknowledgment.getMessageID(), answer.getMessageID());
        assertSent(ticket, technicianReply.getMessageID());
        assertThat(tickets.conversations(ticket.id())).extracting(Conversation::direction)
                .containsExactly(ConversationDirection.INCOMING, ConversationDirection.OUTGOING);
    }

    @Test
    void ourAcknowledgmentComingBackAndAnOutOfOfficeAnswerToItStartNoLoop() throws Exception {
        Desk desk = intake.desk(greenMail);
        outgoingServerFor(desk);
        String bob = "bob@customer.test";
        JsonNode created = intake.receive(desk, """
                From: bob@customer.test
                To: %DESK%
                Subject: Printer jammed
                Message-ID: <printer-1@customer.test>

                The printer is jammed.
                """);
        Ticket ticket = tickets.findByDisplayId(created.get("ticketDisplayId").asString()).orElseThrow();
        MimeMessage acknowledgment = nextMailTo(bob, 1);
        long ticketsBefore = intake.tickets();

        desk.user().deliver(new MimeMessage(acknowledgment));
        JsonNode own = intake.receiveDelivered(desk);
        assertThat(own.get("status").asString()).as(own.toString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(own.get("message").asString()).isEqualTo(AuditMessages.SYSTEM_ACKNOWLEDGMENT);

        MimeMessage outOfOffice = (MimeMessage) acknowledgment.reply(false);
        outOfOffice.setFrom(new InternetAddress(bob));
        outOfOffice.setRecipients(Message.RecipientType.TO, desk.address());
        outOfOffice.setSubject("Automatic reply: " + acknowledgment.getSubject());
        outOfOffice.setHeader("Auto-Submitted", "auto-replied");
        outOfOffice.setText("I am out of the office until Monday.");
        outOfOffice.saveChanges();
        desk.user().deliver(outOfOffice);
        JsonNode answered = intake.receiveDelivered(desk);

        assertThat(answered.get("status").asString()).as(answered.toString()).isEqualTo("PROCESSED");
        assertThat(answered.get("ticketDisplayId").asString()).isEqualTo(ticket.displayId());
        assertThat(intake.tickets()).isEqualTo(ticketsBefore);
        // Give the sender time to (wrongly) send a second acknowledgment before checking that none came.
        Thread.sleep(2_000);
        // The copy delivered into the desk mailbox carries the same Message-ID; a second acknowledgment would not.
        assertThat(mailsTo(bob).stream().map(MailRoundTripTest::messageId).distinct()).hasSize(1);
        assertThat(jdbc.sql("select count(*) from outbox_email where ticket_id = :t").param("t", ticket.id())
                .query(Long.class).single()).isEqualTo(1);
    }

    private void outgoingServerFor(Desk desk) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("name", "SMTP for " + desk.address());
        server.put("host", "127.0.0.1");
        server.put("port", greenMail.getSmtp().getServerSetup().getPort());
        server.put("security", "NONE");
        server.put("authentication", "NONE");
        server.put("fromAddress", desk.address());
        server.put("fromName", "IT Service Desk");
        server.put("replyToAddress", desk.address());
        server.put("defaultServer", true);
        var created = api.admin().post("/api/outgoing-servers", server);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
    }

    private MimeMessage nextMailTo(String address, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> mailsTo(address).size() >= count);
        List<MimeMessage> mails = mailsTo(address);
        assertThat(mails).hasSize(count);
        return mails.get(count - 1);
    }

    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(message -> {
            try {
                return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                        .anyMatch(to -> ((InternetAddress) to).getAddress().equalsIgnoreCase(address));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertSent(Ticket ticket, String messageId) {
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("""
                select count(*) from audit_entry where status = 'SENT' and message_id = :id and ticket_id = :ticket""")
                .param("id", messageId).param("ticket", ticket.id()).query(Long.class).single() == 1);
    }
}
