package dev.mailroom.connectiontest;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** The email Test Connection of an SMTP server sends when the admin gives a recipient; composed by its owner. */
public interface TestEmail {

    String recipient();

    String fromAddress();

    /** The message, in the session the test sends it through. */
    MimeMessage compose(Session session) throws MessagingException;
}
