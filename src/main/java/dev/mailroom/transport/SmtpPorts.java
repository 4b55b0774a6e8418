package dev.mailroom.transport;

import java.util.Optional;

/**
 * The SMTP sibling of {@code WellKnownPorts}: 25 and 587 start in plain text (and are upgraded by STARTTLS), 465
 * starts with TLS. On these ports the other choice cannot work.
 */
public final class SmtpPorts {

    public static final int SUBMISSION = 587;
    public static final int SMTPS = 465;
    public static final int RELAY = 25;

    private SmtpPorts() {
    }

    public static String usualPorts() {
        return "SMTP: use port 587 with STARTTLS for most of the email providers, or port 465 with SSL/TLS";
    }

    /** "port 465 is SMTP over SSL/TLS; choose SSL/TLS, or port 587 with STARTTLS", or empty when they fit. */
    public static Optional<String> mismatch(int port, MailSecurity security) {
        if (port == SMTPS && security != MailSecurity.SSL_TLS) {
            return Optional.of("port 465 is SMTP over SSL/TLS; choose SSL/TLS, or port 587 with STARTTLS");
        }
        if ((port == SUBMISSION || port == RELAY) && security == MailSecurity.SSL_TLS) {
            return Optional.of("port " + port + " is SMTP with STARTTLS (or no security); choose STARTTLS, or port 465 "
                    + "with SSL/TLS");
        }
        return Optional.empty();
    }
}
