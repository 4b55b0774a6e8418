package dev.mailroom.incoming.connection;

/** How Mailroom reads a mailbox. Microsoft Graph joins later; it is not a socket protocol and gets its own client. */
public enum MailProtocol {
    IMAP("imap"),
    POP3("pop3");

    private final String javaMailName;

    MailProtocol(String javaMailName) {
        this.javaMailName = javaMailName;
    }

    /** The Jakarta Mail store name, also the {@code mail.<name>.*} property prefix. */
    public String javaMailName() {
        return javaMailName;
    }
}
