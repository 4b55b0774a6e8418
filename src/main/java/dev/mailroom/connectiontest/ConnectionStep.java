package dev.mailroom.connectiontest;

/**
 * The steps of Test Connection, in the order they can run. A mailbox runs five of them; an SMTP server up to nine
 * (greeting, EHLO, STARTTLS and a second EHLO, AUTH, and a test email when a recipient is given). A server on
 * OAuth 2.0 gets its access token first.
 */
public enum ConnectionStep {
    /** Only for a server on OAuth 2.0: an access token from the provider, before the mail server is contacted. */
    OAUTH_TOKEN("OAuth token"),
    DNS_LOOKUP("DNS lookup"),
    TCP_CONNECT("TCP connect"),
    GREETING("Server greeting"),
    TLS_HANDSHAKE("TLS handshake"),
    EHLO("EHLO"),
    STARTTLS("STARTTLS"),
    EHLO_AFTER_STARTTLS("EHLO after STARTTLS"),
    AUTH("Authentication (AUTH)"),
    LOGIN("Login"),
    OPEN_FOLDER("Open folder"),
    SEND_TEST_EMAIL("Send test email");

    private final String label;

    ConnectionStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
