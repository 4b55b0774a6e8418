package dev.mailroom.transport;

/**
 * How Mailroom signs in to the SMTP server: not at all (a relay that trusts our address), with a password, or with an
 * OAuth 2.0 token.
 */
public enum SmtpAuthentication {
    NONE,
    /** Username and password, or an App Password where the provider requires one. */
    PASSWORD,
    /** An OAuth 2.0 access token (XOAUTH2) for the username, from the server's OAuth configuration. */
    OAUTH2
}
