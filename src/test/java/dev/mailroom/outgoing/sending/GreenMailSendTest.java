package dev.mailroom.outgoing.sending;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.audit.AuditEntry;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.outbox.NewOutboundEmail;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.outgoing.outbox.OutboundRecipient;
import dev.mailroom.outgoing.outbox.Outbox;
import dev.mailroom.platform.MailIdentity;
import dev.mailroom.testing.Api;
import dev.mailroom.tickets.AttachmentService;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.SmtpAuthentication;

/** Notifications delivered to GreenMail over SMTP and SMTPS: what the recipient's server really receives. */
@SenderTest
class GreenMailSendTest {

    private static final String USER = "desk@mailroom.test";
    private static final String PASSWORD = "Smtp-Pw-4-Tests";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD));

    @Autowired
    OutboxSender sender;
    @Autowired
    OutboxFixtures fixtures;
    @Autowired
    Outbox outbox;
    @Autowired
    AttachmentService attachments;
    @Autowired
    Api api;

    @Test
    void acknowledgmentArrivesWithOurMessageIdThreadingHeadersAndBothBodies() throws Exception {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(greenMail.getSmtp().getPort()));
        String messageId = OutboxFixtures.newMessageId();
        outbox.enqueue(new NewOutboundEmail(OutboundKind.ACKNOWLEDGMENT, null, null, null, server.id(),
                List.of(OutboundRecipient.to("ann@example.com"), OutboundRecipient.cc("bob@example.com")), messageId,
                "<original.1@customer.test>", List.of("<root.0@customer.test>", "<original.1@customer.test>"),
                "[INC-7] We received your request: Printer jammed", "Text body, ünïcode", "<p>HTML body</p>", List.of()));

        sender.sendDue();

        MimeMessage[] received = greenMail.getReceivedMessages();
        List<MimeMessage> ours = Arrays.stream(received).filter(m -> messageId.equals(header(m, "Message-ID"))).toList();
        assertThat(ours).as("one copy for each recipient's mailbox").hasSize(2);
        MimeMessage message = ours.get(0);
        assertThat(header(message, "In-Reply-To")).isEqualTo("<original.1@customer.test>");
        assertThat(header(message, "References").replaceAll("\\s+", " ")).isEqualTo("<root.0@customer.test> <original.1@customer.test>");
        assertThat(header(message, MailIdentity.NOTIFICATION_HEADER)).isEqualTo("acknowledgment");
        assertThat(header(message, "Auto-Submitted")).isEqualTo("auto-generated");
        assertThat(header(message, "X-Auto-Response-Suppress")).isEqualTo("All");
        assertThat(header(message, "Precedence")).isEqualTo("bulk");
        assertThat(message.getSubject()).isEqualTo("[INC-7] We received your request: Printer jammed");
        assertThat(((InternetAddress) message.getFrom()[0]).getPersonal()).isEqualTo("Service Desk");
        assertThat(((InternetAddress) message.getFrom()[0]).getAddress()).isEqualTo("desk@mailroom.test");
        assertThat(((InternetAddress) message.getReplyTo()[0]).getAddress()).isEqualTo("desk@mailroom.test");
        assertThat(message.getRecipients(MimeMessage.RecipientType.CC)).extracting(a -> ((InternetAddress) a).getAddress())
                .containsExactly("bob@example.com");
        assertThat(message.getContentType()).startsWith("multipart/alternative");
        Multipart alternative = (Multipart) message.getContent();
        assertThat(alternative.getBodyPart(0).getContentType()).startsWith("text/plain");
        assertThat(alternative.getBodyPart(0).getContent().toString()).contains("Text body, ünïcode");
        assertThat(alternative.getBodyPart(1).getContentType()).startsWith("text/html");
        assertThat(fixtures.finalAuditOf(messageId)).extracting(AuditEntry::status, AuditEntry::recipients).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(AuditStatus.SENT, "ann@example.com"),
                org.assertj.core.groups.Tuple.tuple(AuditStatus.SENT, "bob@example.com"));
    }

    @Test
    void technicianReplyIsPlainTextAndNotMarkedAutomatic() throws Exception {
        OutgoingServer server = fixtures.server(new OutgoingServerSpec(greenMail.getSmtp().getPort()));
        String messageId = fixtures.enqueue(OutboundKind.TECHNICIAN_REPLY, server.id(), null, "Re: Printer", "ann@example.com");

        sender.sendDue();

        MimeMessage message = receivedWith(messageId);
        assertThat(header(message, MailIdentity.NOTIFICATION_HEADER)).isEqualTo("technician-reply");
        assertThat(message.getHeader("Auto-Submitted")).isNull();
        assertThat(message.getHeader("Precedence")).isNull();
        assertThat(message.getContentType()).startsWith("text/plain");
    }

    @Test
    void sentOverSmtpsToAServerTrustedWithItsSelfSignedCertificate() throws Exception {
        OutgoingServerSpec spec = new OutgoingServerSpec(greenMail.getSmtps().getPort());
        spec.security = MailSecurity.SSL_TLS;
        spec.trustSelfSigned = true;
        spec.authentication = SmtpAuthentication.PASSWORD;
        spec.username = USER;
        OutgoingServer server = fixtures.server(spec, PASSWORD);
        String messageId = fixtures.enqueue(server, "ann@example.com");

        sender.sendDue();

        assertThat(receivedWith(messageId).getSubject()).isEqualTo("Your request");
        assertThat(fixtures.finalAuditOf(messageId)).extracting(AuditEntry::status).containsExactly(AuditStatus.SENT);
    }

    @Test
    void selfSignedCertificateNotTrustedFailsAtTheTlsHandshake() {
        OutgoingServerSpec spec = new OutgoingServerSpec(greenMail.getSmtps().getPort());
        spec.security = MailSecurity.SSL_TLS;
        String messageId = fixtures.enqueue(fixtures.server(spec), "ann@example.com");

        sender.sendDue();

        assertThat(fixtures.finalAuditOf(messageId)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(AuditStatus.SEND_FAILED);
            assertThat(e.message()).startsWith("TLS handshake with smtp://127.0.0.1:" + spec.port);
        });
    }

    @Test
    void wrongPasswordAtGreenMailIsSendFailedWithItsAnswer() {
        OutgoingServerSpec spec = new OutgoingServerSpec(greenMail.getSmtp().getPort());
        spec.authentication = SmtpAuthentication.PASSWORD;
        spec.username = USER;
        String messageId = fixtures.enqueue(fixtures.server(spec, "not-the-password"), "ann@example.com");

        sender.sendDue();

        assertThat(fixtures.finalAuditOf(messageId)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(AuditStatus.SEND_FAILED);
            assertThat(e.message()).startsWith("Authentication failed at smtp://127.0.0.1:").contains("535", "App Password")
                    .doesNotContain("not-the-password");
        });
        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
    }

    @Test
    void attachmentOverTheServersLimitIsLeftOutAndNamedInTheSentEntry() throws Exception {
        OutgoingServerSpec spec = new OutgoingServerSpec(greenMail.getSmtp().getPort());
        spec.maxAttachmentBytes = 10 * 1024;
        OutgoingServer server = fixtures.server(spec);
        var ticket = api.admin().post("/api/tickets", Map.of("subject", "Logs attached", "requesterEmail", "ann@example.com",
                "description", "See the files"));
        long ticketId = ticket.get("id").asLong();
        long small = attachments.upload(ticketId, "small.txt", "text/plain", new ByteArrayInputStream(bytes(2 * 1024))).id();
        long big = attachments.upload(ticketId, "big.zip", "application/zip", new ByteArrayInputStream(bytes(30 * 1024))).id();
        String messageId = OutboxFixtures.newMessageId();
        outbox.enqueue(new NewOutboundEmail(OutboundKind.TECHNICIAN_REPLY, ticketId, null, null, server.id(),
                List.of(OutboundRecipient.to("ann@example.com")), messageId, null, List.of(), "Re: Logs attached",
                "Here are the files", null, List.of(small, big)));

        sender.sendDue();

        MimeMessage message = receivedWith(messageId);
        assertThat(message.getContentType()).startsWith("multipart/mixed");
        assertThat(fileNames((Multipart) message.getContent())).containsExactly("small.txt");
        assertThat(fixtures.finalAuditOf(messageId)).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(AuditStatus.SENT);
            assertThat(e.message()).isEqualTo("Sent; attachment \"big.zip\" (30 KB) left out: larger than the 10 KB limit"
                    + " of the outgoing server '" + server.name() + "'");
            assertThat(e.ticketId()).isEqualTo(ticketId);
            assertThat(e.ticketDisplayId()).isEqualTo(ticket.get("displayId").asString());
        });
    }

    private MimeMessage receivedWith(String messageId) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> messageId.equals(header(m, "Message-ID")))
                .findFirst().orElseThrow(() -> new AssertionError("GreenMail received no message " + messageId));
    }

    private static List<String> fileNames(Multipart multipart) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < multipart.getCount(); i++) {
            Part part = multipart.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
                names.add(part.getFileName());
            }
        }
        return names;
    }

    private static String header(MimeMessage message, String name) {
        try {
            String[] values = message.getHeader(name);
            return values == null ? null : values[0];
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] bytes(int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(size).nextBytes(bytes);
        return bytes;
    }
}
