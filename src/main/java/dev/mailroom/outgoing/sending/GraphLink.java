package dev.mailroom.outgoing.sending;

import java.io.IOException;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import dev.mailroom.graph.GraphHints;
import dev.mailroom.graph.GraphMail;
import dev.mailroom.graph.GraphResponse;
import dev.mailroom.transport.OAuthSignInException;
import dev.mailroom.transport.TokenSignIn;

/**
 * Sends through Microsoft Graph's sendMail as the server's mailbox ({@link GraphMail}); 202 means accepted for every
 * recipient; throttling and Graph's own trouble
 * (429, 5xx) and an unreachable Graph are temporary, so the outbox tries again with its backoff; any other refusal is final.
 */
final class GraphLink implements MailLink {

    private final GraphMail graph;
    private final TokenSignIn signIn;
    private final String mailbox;
    private final Session session = Session.getInstance(new Properties());

    GraphLink(GraphMail graph, TokenSignIn signIn, String mailbox) {
        this.graph = graph;
        this.signIn = signIn;
        this.mailbox = mailbox;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String address() {
        return "Microsoft Graph as " + mailbox;
    }

    @Override
    public SendResult send(MimeMessage message, InternetAddress[] recipients) {
        if (signIn == null) {
            return SendResult.failed(SmtpFailure.permanent("Sending through " + address() + " needs OAuth 2.0: choose "
                    + "OAuth 2.0 as authentication and authorize the server"));
        }
        GraphResponse response;
        try {
            response = graph.send(signIn, mailbox, message);
        } catch (OAuthSignInException e) {
            String description = "OAuth sign-in at " + address() + " failed: " + e.getMessage();
            return SendResult.failed(e.lasting() ? SmtpFailure.permanent(description) : SmtpFailure.temporary(description));
        } catch (MessagingException | IOException e) {
            return SendResult.failed(SmtpFailure.permanent("The email could not be prepared for Microsoft Graph: "
                    + SmtpFailures.rootMessage(e)));
        } catch (RuntimeException e) {
            return SendResult.failed(SmtpFailure.temporary("Microsoft Graph could not be reached (" + address() + "): "
                    + SmtpFailures.rootMessage(e)));
        }
        if (!response.ok()) {
            String hint = GraphHints.of(response);
            String description = "Rejected by " + address() + " at sendMail: " + response.describe()
                    + (hint == null ? "" : "; " + hint);
            return SendResult.failed(response.transientFailure() ? SmtpFailure.temporary(description)
                    : SmtpFailure.permanent(description));
        }
        SendResult result = new SendResult();
        for (InternetAddress recipient : recipients) {
            result.accept(recipient.getAddress());
        }
        result.serverAnswer(response.status() + " Accepted");
        return result;
    }

    @Override
    public void close() {
        // nothing held open between calls
    }
}
