package dev.mailroom.connectiontest;

import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;

import dev.mailroom.transport.SmtpAuthentication;
import dev.mailroom.transport.SmtpConnection;
import dev.mailroom.transport.SmtpSessions;

/**
 * Sends a real email (MAIL FROM, RCPT TO, DATA) through {@link SmtpSessions}, on a connection of its own, exactly as
 * the sender will; a refusal names the command and carries the server's answer.
 */
final class SmtpSendTestStep implements Step<SmtpProbe> {

    private final SmtpSessions sessions;
    private final TestEmail email;

    SmtpSendTestStep(SmtpSessions sessions, TestEmail email) {
        this.sessions = sessions;
        this.email = email;
    }

    @Override
    public ConnectionStep id() {
        return ConnectionStep.SEND_TEST_EMAIL;
    }

    @Override
    public Outcome run(SmtpProbe probe) throws MessagingException {
        probe.endDialogue();
        SmtpConnection c = probe.connection;
        Session session = sessions.session(c);
        MimeMessage message = email.compose(session);
        Transport transport = null;
        try {
            transport = sessions.connect(c, session);
            transport.sendMessage(message, message.getAllRecipients());
            SMTPTransport smtp = (SMTPTransport) transport;
            return Outcome.passed("Sent a test email to " + email.recipient() + " (Message-ID " + message.getMessageID() + ")",
                    smtp.getLastServerResponse()).withReplyCode(smtp.getLastReturnCode());
        } catch (AuthenticationFailedException e) {
            return Outcome.failed("The server refused the sign-in of " + c.username(), e.getMessage(),
                    Hints.smtpWrongCredentials());
        } catch (MessagingException e) {
            return refused(e, c);
        } finally {
            closeQuietly(transport);
        }
    }

    private Outcome refused(MessagingException e, SmtpConnection c) {
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPSendFailedException sender && startsWith(sender.getCommand(), "MAIL FROM")) {
                String hint = accessRequired(sender.getReturnCode(), sender.getMessage(), c)
                        .orElseGet(() -> hintFor(sender.getReturnCode(), Hints.smtpSenderRefused(email.fromAddress())));
                return failed("the from address at MAIL FROM", sender.getMessage(), hint, sender.getReturnCode());
            }
            if (next instanceof SMTPAddressFailedException address) {
                String response = address.getMessage();
                String hint = accessRequired(address.getReturnCode(), response, c).orElseGet(() ->
                        relayDenied(address.getReturnCode(), response) ? Hints.smtpRelayDenied(email.recipient())
                        : hintFor(address.getReturnCode(), Hints.smtpRejected("the recipient " + email.recipient())));
                return failed("the recipient at RCPT TO", response, hint, address.getReturnCode());
            }
            if (next instanceof SMTPSendFailedException message) {
                return failed("the message at DATA", message.getMessage(), hintFor(message.getReturnCode(),
                        Hints.smtpRejected("the message")), message.getReturnCode());
            }
        }
        String hint = e.getCause() instanceof IOException ? Hints.connectionRefused(c) : Hints.smtpRejected("the test email");
        return Outcome.failed("The test email was not sent: " + e.getMessage(), null, hint);
    }

    /**
     * 530 "access denied until …": the server's own words say whether it wants encryption first ("Must issue a
     * STARTTLS command first") or a sign-in.
     */
    private static Optional<String> accessRequired(int code, String response, SmtpConnection c) {
        if (code != 530) {
            return Optional.empty();
        }
        if (response != null && response.toUpperCase(Locale.ROOT).contains("STARTTLS")) {
            return Optional.of(Hints.smtpAuthNeedsEncryption());
        }
        return c.authentication() == SmtpAuthentication.NONE ? Optional.of(Hints.smtpAuthRequired()) : Optional.empty();
    }

    /** A failed close must not replace the outcome already found (a server that hung up after refusing). */
    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException ignored) {
                // the test email's outcome is known; closing adds nothing
            }
        }
    }

    private static boolean startsWith(String command, String prefix) {
        return command != null && command.toUpperCase(Locale.ROOT).startsWith(prefix);
    }

    private Outcome failed(String what, String response, String hint, int code) {
        return Outcome.failed("The server refused " + what + "; the test email to " + email.recipient() + " was not sent",
                response == null ? null : response.trim(), hint).withReplyCode(code);
    }

    private static String hintFor(int code, String permanent) {
        return code >= 400 && code < 500 ? Hints.smtpTemporaryFailure() : permanent;
    }

    /** 550 5.7.1 "Relaying denied", 554 "Relay access denied" and the like. */
    private static boolean relayDenied(int code, String response) {
        String text = response == null ? "" : response.toLowerCase(Locale.ROOT);
        return code >= 500 && (text.contains("5.7.1") || text.contains("relay"));
    }
}
