package dev.mailroom.outgoing.sending;

import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/** The way one outgoing server takes messages for one run: an SMTP connection ({@link SmtpLink}) or Graph ({@link GraphLink}). */
interface MailLink extends AutoCloseable {

    /** The session messages for this link are composed in. */
    Session session();

    /** Hands the message over for these recipients; never throws, every failure is in the result. */
    SendResult send(MimeMessage message, InternetAddress[] recipients);

    /** Where the messages go, for the audit trace: {@code smtp://host:587 (STARTTLS)}, or Graph and the mailbox. */
    String address();

    @Override
    void close();
}
