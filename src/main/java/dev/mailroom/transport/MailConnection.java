package dev.mailroom.transport;

import java.time.Duration;

/**
 * Everything needed to reach and open one mailbox, with the password already decrypted. Lives only in memory for
 * the length of one fetch or test; {@link #toString()} leaves the password out so it cannot reach a log by accident.
 * A server that signs in with OAuth 2.0 has a {@link TokenSignIn} (and no password): it signs in with XOAUTH2.
 */
public record MailConnection(
        MailProtocol protocol,
        String host,
        int port,
        MailSecurity security,
        String username,
        String password,
        String folder,
        boolean trustSelfSignedCertificate,
        Duration connectTimeout,
        Duration readTimeout,
        TokenSignIn tokenSignIn) implements MailEndpoint {

    /** A mailbox that signs in with its password. */
    public MailConnection(MailProtocol protocol, String host, int port, MailSecurity security, String username,
            String password, String folder, boolean trustSelfSignedCertificate, Duration connectTimeout,
            Duration readTimeout) {
        this(protocol, host, port, security, username, password, folder, trustSelfSignedCertificate, connectTimeout,
                readTimeout, null);
    }

    public boolean signsInWithToken() {
        return tokenSignIn != null;
    }

    @Override
    public String protocolName() {
        return protocol.name();
    }

    @Override
    public int plainPort() {
        return WellKnownPorts.plainPort(protocol);
    }

    @Override
    public int tlsPort() {
        return WellKnownPorts.tlsPort(protocol);
    }

    @Override
    public String usualPorts() {
        return WellKnownPorts.usualPorts(protocol);
    }

    /** {@code imap://mail.example.com:993 (SSL/TLS)}: for logs and messages. */
    public String address() {
        return protocol.javaMailName() + "://" + host + ":" + port + " (" + security.label() + ")";
    }

    @Override
    public String toString() {
        return "MailConnection[" + address() + ", username=" + username + (signsInWithToken() ? ", OAuth 2.0" : "")
                + ", folder=" + folder
                + ", trustSelfSignedCertificate=" + trustSelfSignedCertificate + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
