package dev.mailroom.graph;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

import dev.mailroom.transport.OAuthSignInException;
import dev.mailroom.transport.TokenSignIn;

/**
 * Graph's sendMail with the whole MIME message (base64, as text/plain), so an email leaves exactly as composed:
 * Message-ID, threading headers, attachments. Graph takes the recipients from the To, Cc and Bcc headers and answers
 * 202 Accepted.
 */
@Component
public class GraphMail {

    private final GraphApi api;

    GraphMail(GraphApi api) {
        this.api = api;
    }

    public GraphResponse send(TokenSignIn signIn, String mailbox, MimeMessage message)
            throws OAuthSignInException, MessagingException, IOException {
        ByteArrayOutputStream mime = new ByteArrayOutputStream();
        message.writeTo(mime);
        byte[] body = Base64.getEncoder().encodeToString(mime.toByteArray()).getBytes(StandardCharsets.US_ASCII);
        return api.call(signIn, HttpMethod.POST, api.userUri(mailbox, "sendMail"), body, "text/plain");
    }
}
