package dev.mailroom.outgoing.connectiontest;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.mailroom.connectiontest.TestEmail;
import dev.mailroom.outgoing.OutgoingServerSettings;
import dev.mailroom.outgoing.OwnMailSeal;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.platform.MailIdentity;

/**
 * The test email of an outgoing server's Test Connection: from the server's from address, with its Reply-To, and
 * marked as Mailroom's own automatic mail (our Message-ID domain and notification header, {@code Auto-Submitted}) so
 * that, delivered back into a desk mailbox, it ends as "System acknowledgment mail" instead of a ticket.
 */
public record SmtpTestEmail(OutgoingServerSettings settings, String recipient, String messageId, String subject,
        String seal)
        implements TestEmail {

    /** {@code seal}: this installation's {@link OwnMailSeal} of the Message-ID, so the email is known as ours if it comes back. */
    public static SmtpTestEmail to(String recipient, OutgoingServerSettings settings, String messageId, String seal) {
        return new SmtpTestEmail(settings, recipient, messageId,
                "Mailroom test email from the outgoing server '" + settings.name() + "'", seal);
    }

    @Override
    public String fromAddress() {
        return settings.fromAddress();
    }

    @Override
    public MimeMessage compose(Session session) throws MessagingException {
        MimeMessage message = new MimeMessage(session) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
        message.setFrom(address(settings.fromAddress(), settings.fromName()));
        if (settings.replyToAddress() != null) {
            message.setReplyTo(new InternetAddress[] {new InternetAddress(settings.replyToAddress())});
        }
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(recipient));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(new Date());
        message.setHeader(MailIdentity.NOTIFICATION_HEADER, OutboundKind.TEST_EMAIL.name());
        message.setHeader(OwnMailSeal.HEADER, seal);
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Auto-Response-Suppress", "All");
        message.setText("This is a test email from Mailroom, sent by Test Connection of the outgoing server '"
                + settings.name() + "' (" + settings.host() + ":" + settings.port() + ", " + settings.security().label()
                + ").\n\nIf you can read it, the desk's notifications can reach this address. No reply is needed.\n",
                StandardCharsets.UTF_8.name());
        message.saveChanges();
        return message;
    }

    private static InternetAddress address(String address, String name) throws MessagingException {
        try {
            return name == null ? new InternetAddress(address) : new InternetAddress(address, name, StandardCharsets.UTF_8.name());
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException("UTF-8 is supported by every Java runtime", e);
        }
    }
}
