package dev.mailroom.incoming.connectiontest;

/** The steps of Test Connection, in the order they can run. Each connection runs five of them. */
public enum ConnectionStep {
    DNS_LOOKUP("DNS lookup"),
    TCP_CONNECT("TCP connect"),
    GREETING("Server greeting"),
    TLS_HANDSHAKE("TLS handshake"),
    STARTTLS("STARTTLS"),
    LOGIN("Login"),
    OPEN_FOLDER("Open folder");

    private final String label;

    ConnectionStep(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
