package dev.mailroom.outgoing;

/** How Mailroom signs in to the SMTP server: not at all (a relay that trusts our address) or with a password. */
public enum SmtpAuthentication {
    NONE,
    /** Username and password, or an App Password where the provider requires one. */
    PASSWORD
}
