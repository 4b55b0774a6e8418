package dev.mailroom.acceptance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;
import java.util.UUID;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import dev.mailroom.transport.ServerTrust;

/**
 * The outgoing half of the acceptance rig, before Mailroom sends through it: Postfix takes mail on submission (587,
 * STARTTLS then AUTH against Dovecot's users), on SMTPS (465) and locally on port 25, and delivers mail for the test
 * domain into the Dovecot mailboxes, where an IMAP client finds it.
 */
@Tag("acceptance")
@ExtendWith(AcceptanceServers.class)
class PostfixSubmissionAcceptanceTest {

    final AcceptanceServers servers = AcceptanceServers.get();
    final DovecotMailbox bob = DovecotMailbox.of("bob");

    @Test
    void submissionWithStartTlsAndAuthIsDeliveredToTheDovecotMailbox() throws Exception {
        String id = send(smtp("submission", true, false), "alice", "Submitted on 587");

        awaitDelivered(id);
    }

    @Test
    void smtpsWithAuthIsDeliveredToTheDovecotMailbox() throws Exception {
        String id = send(smtp("smtps", false, true), "alice", "Submitted on 465");

        awaitDelivered(id);
    }

    @Test
    void localDeliveryOnPort25NeedsNoLogin() throws Exception {
        String id = send(smtp("smtp", false, false), null, "Delivered on 25");

        awaitDelivered(id);
    }

    @Test
    void submissionRefusesMailWithoutLogin() {
        assertThatThrownBy(() -> send(smtp("submission", true, false), null, "No login"))
                .isInstanceOf(MessagingException.class)
                .rootCause().hasMessageContaining("554 5.7.1").hasMessageContaining("Access denied");
    }

    @Test
    void submissionRefusesMailWithoutTls() {
        assertThatThrownBy(() -> send(smtp("submission", false, false), null, "No TLS"))
                .isInstanceOf(MessagingException.class)
                .hasMessageContaining("STARTTLS");
    }

    @Test
    void submissionRefusesAWrongPassword() {
        Properties properties = smtp("submission", true, false);
        assertThatThrownBy(() -> {
            Session session = Session.getInstance(properties);
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect(servers.host(), servers.port("submission"), "alice", "Not-Alices-Password");
            }
        }).isInstanceOf(jakarta.mail.AuthenticationFailedException.class);
    }

    private Properties smtp(String service, boolean startTls, boolean implicitTls) {
        Properties properties = new Properties();
        properties.put("mail.smtp.host", servers.host());
        properties.put("mail.smtp.port", String.valueOf(servers.port(service)));
        properties.put("mail.smtp.connectiontimeout", "5000");
        properties.put("mail.smtp.timeout", "20000");
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        properties.put("mail.smtp.starttls.required", String.valueOf(startTls));
        properties.put("mail.smtp.ssl.enable", String.valueOf(implicitTls));
        properties.put("mail.smtp.ssl.socketFactory", ServerTrust.trusting(servers.trustStore()).socketFactory(false));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        return properties;
    }

    /** Sends one message to bob, signed in as {@code user} when given; its Message-ID. */
    private String send(Properties properties, String user, String subject) throws MessagingException {
        properties.put("mail.smtp.auth", String.valueOf(user != null));
        Session session = Session.getInstance(properties);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(servers.address(user == null ? "alice" : user)));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(bob.address()));
        message.setSubject(subject + " " + UUID.randomUUID());
        message.setText("Checking the way through Postfix into Dovecot.\n");
        message.saveChanges();
        try (Transport transport = session.getTransport("smtp")) {
            if (user == null) {
                transport.connect();
            } else {
                transport.connect(servers.host(), Integer.parseInt(properties.getProperty("mail.smtp.port")), user,
                        servers.password(user));
            }
            transport.sendMessage(message, message.getAllRecipients());
        }
        return message.getMessageID();
    }

    private void awaitDelivered(String messageId) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250))
                .until(() -> bob.messageIds().contains(messageId));
        assertThat(servers.password("bob")).isNotBlank();
    }
}
