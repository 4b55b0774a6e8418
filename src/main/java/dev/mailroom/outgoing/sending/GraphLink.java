package dev.mailroom.outgoing.sending;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.springframework.http.HttpMethod;

import dev.mailroom.graph.GraphApi;
import dev.mailroom.graph.GraphHints;
import dev.mailroom.graph.GraphResponse;
import dev.mailroom.incoming.connection.OAuthSignInException;
import dev.mailroom.incoming.connection.TokenSignIn;

/**
 * Sends through Microsoft Graph: {@code POST /users/{mailbox}/sendMail} with the whole MIME message, base64 as
 * text/plain, so the email leaves exactly as composed (Message-ID, threading headers, attachments). Graph takes the
 * recipients from the To and Cc headers. 202 means accepted for every recipient; throttling and Graph's own trouble
 * (429, 5xx) and an unreachable Graph are temporary, so the outbox tries again with its backoff; any other refusal is final.
 */
final class GraphLink implements MailLink {

    private final GraphApi api;
    private final TokenSignIn signIn;
    private final String mailbox;
    private final Session session = Session.getInstance(new Properties());

    GraphLink(GraphApi api, TokenSignIn signIn, String mailbox) {
        this.api = api;
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
            response = api.call(signIn, HttpMethod.POST, api.userUri(mailbox, "sendMail"), base64(message), "text/plain");
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

    private static byte[] base64(MimeMessage message) throws MessagingException, IOException {
        ByteArrayOutputStream mime = new ByteArrayOutputStream();
        message.writeTo(mime);
        return Base64.getEncoder().encodeToString(mime.toByteArray()).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() {
        // nothing held open between calls
    }
}
