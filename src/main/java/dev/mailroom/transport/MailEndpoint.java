package dev.mailroom.transport;

import java.time.Duration;

/**
 * What the socket-level parts of a connection (TCP, TLS, certificate trust, Test Connection's first steps and hints)
 * need to know about any mail server, whether Mailroom reads from it (IMAP, POP3) or sends through it (SMTP).
 */
public interface MailEndpoint {

    /** IMAP, POP3 or SMTP: how admins name the protocol. */
    String protocolName();

    String host();

    int port();

    MailSecurity security();

    boolean trustSelfSignedCertificate();

    Duration connectTimeout();

    Duration readTimeout();

    /** The protocol's port that starts in plain text (and is upgraded by STARTTLS). */
    int plainPort();

    /** The protocol's port that starts with TLS. */
    int tlsPort();

    /** "IMAP uses port 143 with STARTTLS and port 993 with SSL/TLS", for hints. */
    String usualPorts();
}
