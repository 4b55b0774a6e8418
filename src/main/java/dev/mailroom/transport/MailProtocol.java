package dev.mailroom.transport;

/**
 * How Mailroom reads a mailbox. GRAPH is Microsoft Graph's REST API over HTTPS (Microsoft 365 "MAPI"): no mail socket,
 * no Jakarta Mail store; it always signs in with OAuth 2.0 and has its own client ({@code dev.mailroom.graph}).
 */
public enum MailProtocol {
    IMAP("imap"),
    POP3("pop3"),
    GRAPH("graph");

    private final String javaMailName;

    MailProtocol(String javaMailName) {
        this.javaMailName = javaMailName;
    }

    /** The Jakarta Mail store name, also the {@code mail.<name>.*} property prefix. */
    public String javaMailName() {
        return javaMailName;
    }
}
