package dev.mailroom.transport;

/** How the connection is protected: not at all, TLS from the first byte, or a plain start upgraded by STARTTLS. */
public enum MailSecurity {
    NONE("no security"),
    SSL_TLS("SSL/TLS"),
    STARTTLS("STARTTLS");

    private final String label;

    MailSecurity(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
