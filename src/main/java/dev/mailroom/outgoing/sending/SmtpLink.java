package dev.mailroom.outgoing.sending;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import dev.mailroom.transport.SmtpConnection;
import dev.mailroom.transport.SmtpSessions;

/**
 * One SMTP connection to one server, opened on the first message and reused for the rest of the batch; opened again
 * when the server has closed it. When connecting fails, or the server stops answering within the read timeout,
 * every further message of the run gets the same failure at once: a server that is down or hangs costs one timeout
 * per connection, not one per email, and is tried again after the backoff.
 */
final class SmtpLink implements MailLink {

    private static final Logger log = LoggerFactory.getLogger(SmtpLink.class);

    private final SmtpSessions sessions;
    private final SmtpConnection connection;
    private Session session;
    private SMTPTransport transport;
    /** Why this link is not used again in this run (connecting failed, or the server stopped answering). */
    private SmtpFailure unusable;

    SmtpLink(SmtpSessions sessions, SmtpConnection connection) {
        this.sessions = sessions;
        this.connection = connection;
    }

    @Override
    public String address() {
        return connection.address();
    }

    @Override
    public Session session() {
        if (session == null) {
            session = sessions.session(connection);
        }
        return session;
    }

    @Override
    public SendResult send(MimeMessage message, InternetAddress[] recipients) {
        if (unusable != null || !connected()) {
            return SendResult.failed(unusable);
        }
        SendResult result = new SendResult();
        try {
            transport.sendMessage(message, recipients);
            for (InternetAddress recipient : recipients) {
                result.accept(recipient.getAddress());
            }
            result.serverAnswer(oneLine(transport.getLastServerResponse()));
        } catch (SendFailedException e) {
            read(e, result);
        } catch (MessagingException e) {
            SmtpFailure failure = SmtpFailures.ofSend(e, connection, "DATA", transport.getLastReturnCode(),
                    transport.getLastServerResponse());
            result.failMessage(failure);
            if (SmtpFailures.timedOut(e)) {
                unusable = failure;
                log.debug("Outgoing server {} stopped answering; not used again in this run", connection.address());
            }
            disconnect();
        }
        return result;
    }

    private void read(SendFailedException e, SendResult result) {
        if (e.getValidSentAddresses() != null) {
            for (Address address : e.getValidSentAddresses()) {
                result.accept(((InternetAddress) address).getAddress());
            }
            result.serverAnswer(oneLine(transport.getLastServerResponse()));
        }
        for (Exception next = e; next != null; next = next instanceof MessagingException m ? m.getNextException() : null) {
            if (next instanceof SMTPAddressFailedException refused) {
                result.refuse(refused.getAddress().getAddress(), SmtpFailure.ofReply(refused.getReturnCode(),
                        "Rejected by the outgoing server at " + connection.address() + " at " + refused.getCommand()
                                + ": " + SmtpFailures.answer(refused.getMessage(), null)));
            }
        }
        if (e instanceof SMTPSenderFailedException sender) {
            result.failMessage(SmtpFailures.ofSend(e, connection, sender.getCommand(), sender.getReturnCode(), null));
            disconnect();
        } else if (e instanceof SMTPSendFailedException whole && whole.getReturnCode() >= 400) {
            result.failMessage(SmtpFailures.ofSend(e, connection, whole.getCommand(), whole.getReturnCode(), null));
            disconnect();
        }
    }

    private boolean connected() {
        if (transport != null && transport.isConnected()) {
            return true;
        }
        disconnect();
        SMTPTransport fresh = null;
        try {
            fresh = (SMTPTransport) session().getTransport("smtp");
            sessions.connect(connection, fresh);
            transport = fresh;
            return true;
        } catch (MessagingException e) {
            int code = fresh == null ? -1 : fresh.getLastReturnCode();
            String response = fresh == null ? null : fresh.getLastServerResponse();
            unusable = SmtpFailures.ofConnect(e, connection, code, response);
            log.debug("Outgoing server {} not reachable: {}", connection.address(), unusable.description());
            close(fresh);
            return false;
        }
    }

    private void disconnect() {
        close(transport);
        transport = null;
    }

    private static void close(SMTPTransport transport) {
        if (transport == null) {
            return;
        }
        try {
            transport.close();
        } catch (MessagingException e) {
            log.debug("Closing an SMTP connection: {}", e.getMessage());
        }
    }

    private static String oneLine(String text) {
        return text == null ? null : text.strip().replaceAll("\\s+", " ");
    }

    @Override
    public void close() {
        disconnect();
    }
}
