package dev.mailroom.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.search.SubjectTerm;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import dev.mailroom.incoming.fetch.MailboxDirectory;
import dev.mailroom.incoming.fetch.MailboxPoller;
import dev.mailroom.platform.MailIdentity;
import dev.mailroom.testing.Api;
import dev.mailroom.tickets.threading.ThreadIdReading;
import dev.mailroom.tickets.threading.ThreadIds;
import dev.mailroom.transport.ServerTrust;

/**
 * The whole conversation on real servers: the requester alice sends through Postfix (587, STARTTLS, AUTH) to the
 * desk's Dovecot mailbox; Mailroom fetches it over IMAP with STARTTLS and makes a ticket; the acknowledgment goes out
 * through Postfix (587, STARTTLS, AUTH as the desk) into alice's Dovecot INBOX; alice answers it in her mail client,
 * and the answer threads onto the ticket; a technician's reply reaches her with the reference and threading headers.
 */
@AcceptanceTest
@TestPropertySource(properties = "mailroom.outgoing.sending-enabled=true")
@DirtiesContext
class MailRoundTripAcceptanceTest {

    private static final Duration DELIVERY = Duration.ofSeconds(60);

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailboxPoller poller;
    @Autowired
    MailboxDirectory directory;
    @Autowired
    ThreadIds threadIds;

    final AcceptanceServers servers = AcceptanceServers.get();
    final DovecotMailbox helpdesk = DovecotMailbox.of("helpdesk");
    final DovecotMailbox alice = DovecotMailbox.of("alice");
    Desk desk;

    @BeforeEach
    void setUp() throws Exception {
        desk = new Desk(api, jdbc, poller, directory);
        // a new incoming server fetches everything in the mailbox: leave it only what this test sends
        helpdesk.empty();
    }

    @AfterEach
    void deleteServers() {
        desk.deleteServers();
    }

    @Test
    void requestAcknowledgmentReplyAndTechnicianAnswerThreadThroughPostfixAndDovecot() throws Exception {
        long outgoingId = createOutgoingServer();
        long serverId = desk.createServer(helpdesk, "IMAP", "STARTTLS", "imap", "MARK_SEEN",
                Map.of("outgoingServerId", outgoingId));
        String subject = "VPN drops every hour " + UUID.randomUUID();

        // 1. Alice writes to the desk from her mail client, through Postfix.
        MimeMessage request = new MimeMessage(Session.getInstance(new Properties()));
        request.setFrom(new InternetAddress(alice.address(), "Alice Example"));
        request.setRecipient(Message.RecipientType.TO, new InternetAddress(helpdesk.address()));
        request.setSubject(subject);
        request.setText("My VPN connection drops every hour.\n");
        request.saveChanges();
        String requestId = request.getMessageID();
        submitAs("alice", request);

        // 2. Mailroom fetches it from Dovecot and makes a ticket.
        Map<String, Object> created = awaitOutcome(serverId, requestId);
        assertThat(created.get("status")).as(created.toString()).isEqualTo("PROCESSED");
        String ticket = (String) created.get("ticket_display_id");
        assertThat(ticket).startsWith("INC-");

        // 3. The acknowledgment goes out through Postfix and lands in alice's INBOX.
        MimeMessage acknowledgment = alice.awaitOne("In-Reply-To", requestId, DELIVERY);
        assertThat(acknowledgment.getSubject()).contains("[" + ticket + "]", subject);
        assertThat(acknowledgment.getMessageID()).startsWith("<" + ticket + ".");
        assertThat(threadIds.read(acknowledgment.getMessageID()))
                .isEqualTo(new ThreadIdReading(ThreadIdReading.Verdict.SIGNED, ticket));
        assertThat(acknowledgment.getHeader("In-Reply-To", null)).isEqualTo(requestId);
        assertThat(acknowledgment.getHeader(MailIdentity.NOTIFICATION_HEADER, null)).isEqualToIgnoringCase("ACKNOWLEDGMENT");
        assertThat(acknowledgment.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(address(acknowledgment.getFrom())).isEqualTo(helpdesk.address());
        assertThat(address(acknowledgment.getReplyTo())).isEqualTo(helpdesk.address());
        assertThat(acknowledgment.getHeader("Received", ",")).as("through Postfix, signed in over TLS")
                .contains("ESMTPSA");
        assertSent(ticket, acknowledgment.getMessageID(), outgoingId);

        // 4. Alice answers the acknowledgment: her client keeps In-Reply-To and References, and writes to the Reply-To.
        MimeMessage answer = (MimeMessage) acknowledgment.reply(false);
        answer.setFrom(new InternetAddress(alice.address(), "Alice Example"));
        answer.setText("It dropped again at 10:00.\n\n> " + text(acknowledgment).lines().findFirst().orElse("") + "\n");
        answer.saveChanges();
        assertThat(address(answer.getRecipients(Message.RecipientType.TO))).isEqualTo(helpdesk.address());
        assertThat(answer.getHeader("In-Reply-To", null)).isEqualTo(acknowledgment.getMessageID());
        String answerId = answer.getMessageID();
        submitAs("alice", answer);

        Map<String, Object> threaded = awaitOutcome(serverId, answerId);
        assertThat(threaded.get("status")).as(threaded.toString()).isEqualTo("PROCESSED");
        assertThat(threaded.get("message")).isEqualTo("Reply added to " + ticket);
        assertThat(threaded.get("ticket_display_id")).isEqualTo(ticket);

        // 5. A technician answers through the API; alice receives it, threaded.
        String words = "Please update the VPN client to 5.2 " + UUID.randomUUID();
        var reply = api.technician().post("/api/tickets/" + ticket + "/replies", Map.of("body", words));
        assertThat(reply.status()).as(reply.body().toString()).isEqualTo(201);
        String replyId = reply.get("messageId").asString();

        MimeMessage technicianReply = alice.awaitOne("Message-ID", replyId, DELIVERY);
        assertThat(technicianReply.getSubject()).contains("[" + ticket + "]");
        assertThat(text(technicianReply)).contains(words);
        assertThat(threadIds.read(technicianReply.getMessageID()).displayId()).isEqualTo(ticket);
        assertThat(technicianReply.getHeader("Auto-Submitted", null)).as("a person's reply is not automatic").isNull();
        assertThat(technicianReply.getHeader("In-Reply-To", null)).isEqualTo(answerId);
        assertThat(technicianReply.getHeader("References", " ")).contains(requestId, acknowledgment.getMessageID(),
                answerId);
        assertThat(address(technicianReply.getFrom())).isEqualTo(helpdesk.address());
        assertSent(ticket, replyId, outgoingId);

        assertThat(desk.audited(serverId, "FETCH_FAILED")).isZero();
        assertThat(count("select count(*) from audit_entry where ticket_display_id = :t and status = 'SEND_FAILED'",
                ticket)).isZero();
    }

    /** The sender's own failure path on Postfix: a refused password ends the notification at once, with the answer. */
    @Test
    void aPasswordPostfixRefusesEndsTheAcknowledgmentAsSendFailedWithItsAnswer() throws Exception {
        Map<String, Object> wrong = new LinkedHashMap<>(outgoingServer("Not-The-Desk-Password-5"));
        wrong.put("defaultServer", true);
        var server = api.admin().post("/api/outgoing-servers", wrong);
        assertThat(server.status()).as(server.body().toString()).isEqualTo(201);
        long outgoingId = server.get("id").asLong();
        String subject = "Printer offline " + UUID.randomUUID();

        var created = api.admin().post("/api/tickets", Map.of("subject", subject, "requesterEmail", alice.address(),
                "requesterName", "Alice Example", "description", "The printer on floor 3 is offline."));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long ticketId = created.get("id").asLong();

        Map<String, Object> failed = Awaitility.await("the acknowledgment to fail").atMost(Duration.ofSeconds(30))
                .until(() -> jdbc.sql("""
                        select status, message, server_id, recipients from audit_entry
                        where event = 'OUTGOING' and ticket_id = :ticket and status <> 'SENT'""")
                        .param("ticket", ticketId).query().listOfRows().stream().map(MailRoundTripAcceptanceTest::lower)
                        .toList(), rows -> !rows.isEmpty()).get(0);
        assertThat(failed.get("status")).isEqualTo("SEND_FAILED");
        assertThat(((Number) failed.get("server_id")).longValue()).isEqualTo(outgoingId);
        assertThat(failed.get("recipients")).isEqualTo(alice.address());
        assertThat((String) failed.get("message")).contains("Authentication failed at smtp://127.0.0.1:587 (STARTTLS)",
                "535", "App Password or OAuth 2.0").doesNotContain("Not-The-Desk-Password-5");
        assertThat(count("select count(*) from outbox_email where ticket_id = :t and state = 'DONE'", ticketId))
                .as("a refused login is permanent: not tried again").isEqualTo(1);
        assertThat(alice.search(new SubjectTerm(subject))).isEmpty();
    }

    private long createOutgoingServer() {
        var created = api.admin().post("/api/outgoing-servers", outgoingServer(servers.password(helpdesk.user())));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        assertThat(created.get("ready").asBoolean()).as(created.body().toString()).isTrue();
        return created.get("id").asLong();
    }

    private Map<String, Object> outgoingServer(String password) {
        return PostfixSubmission.outgoingServer(servers, helpdesk, password);
    }

    /** Sends as a mail client does: Postfix submission on 587, STARTTLS, signed in as {@code user}. */
    private void submitAs(String user, MimeMessage message) throws MessagingException {
        Properties properties = new Properties();
        properties.put("mail.smtp.auth", "true");
        properties.put("mail.smtp.starttls.enable", "true");
        properties.put("mail.smtp.starttls.required", "true");
        properties.put("mail.smtp.ssl.socketFactory", ServerTrust.trusting(servers.trustStore()).socketFactory(false));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "20000");
        try (Transport transport = Session.getInstance(properties).getTransport("smtp")) {
            transport.connect(servers.host(), servers.port("submission"), user, servers.password(user));
            transport.sendMessage(message, message.getAllRecipients());
        }
    }

    /**
     * Polls the desk mailbox until the email with this Message-ID is stored, then waits for its final audit entry:
     * status, message and ticket.
     */
    private Map<String, Object> awaitOutcome(long serverId, String messageId) {
        String id = Desk.bare(messageId);
        Awaitility.await("Mailroom to fetch " + messageId).atMost(DELIVERY).pollDelay(Duration.ZERO)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> desk.poll(serverId) != null && desk.storedMessageIds(serverId).contains(id));
        desk.awaitIntake(serverId);
        List<Map<String, Object>> outcomes = jdbc.sql("""
                select a.status, a.message, a.ticket_display_id, e.message_id from audit_entry a
                join inbound_email e on e.id = a.inbound_email_id
                where e.server_id = :server and a.status in ('PROCESSED', 'RECEIVED_IGNORED', 'PROCESSED_FAILED')""")
                .param("server", serverId).query().listOfRows().stream()
                .filter(row -> Desk.bare((String) row.get("message_id")).equals(id)).map(MailRoundTripAcceptanceTest::lower)
                .toList();
        assertThat(outcomes).as("final audit entries of " + messageId).hasSize(1);
        return outcomes.get(0);
    }

    private void assertSent(String ticket, String messageId, long outgoingId) {
        Awaitility.await("a SENT audit entry for " + messageId).atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql("""
                select count(*) from audit_entry where event = 'OUTGOING' and status = 'SENT' and message_id = :id
                and ticket_display_id = :ticket and server_id = :server and recipients = :to""")
                .param("id", messageId).param("ticket", ticket).param("server", outgoingId).param("to", alice.address())
                .query(Long.class).single() == 1);
    }

    private long count(String sql, Object ticket) {
        return jdbc.sql(sql).param("t", ticket).query(Long.class).single();
    }

    private static Map<String, Object> lower(Map<String, Object> row) {
        Map<String, Object> lower = new LinkedHashMap<>();
        row.forEach((key, value) -> lower.put(key.toLowerCase(java.util.Locale.ROOT), value));
        return lower;
    }

    private static String address(Address[] addresses) {
        assertThat(addresses).hasSize(1);
        return ((InternetAddress) addresses[0]).getAddress();
    }

    /** The text/plain part of a message. */
    private static String text(Part part) throws MessagingException, IOException {
        if (part.isMimeType("text/plain")) {
            return (String) part.getContent();
        }
        if (part.isMimeType("multipart/*")) {
            Multipart multipart = (Multipart) part.getContent();
            for (int i = 0; i < multipart.getCount(); i++) {
                String text = text(multipart.getBodyPart(i));
                if (text != null) {
                    return text;
                }
            }
        }
        return null;
    }
}
