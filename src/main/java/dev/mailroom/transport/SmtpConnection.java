package dev.mailroom.transport;

import java.time.Duration;

/**
 * Everything needed to reach and sign in to one SMTP server, with the password already decrypted. Lives only in
 * memory for one send or test; {@link #toString()} leaves the password out so it cannot reach a log by accident.
 * With authentication {@code OAUTH2} it carries a {@link TokenSignIn} instead of a password and signs in with XOAUTH2.
 */
public record SmtpConnection(
        String host,
        int port,
        MailSecurity security,
        SmtpAuthentication authentication,
        String username,
        String password,
        boolean trustSelfSignedCertificate,
        Duration connectTimeout,
        Duration readTimeout,
        TokenSignIn tokenSignIn) implements MailEndpoint {

    /** A server that signs in with a password, or not at all. */
    public SmtpConnection(String host, int port, MailSecurity security, SmtpAuthentication authentication,
            String username, String password, boolean trustSelfSignedCertificate, Duration connectTimeout,
            Duration readTimeout) {
        this(host, port, security, authentication, username, password, trustSelfSignedCertificate, connectTimeout,
                readTimeout, null);
    }

    @Override
    public String protocolName() {
        return "SMTP";
    }

    @Override
    public int plainPort() {
        return SmtpPorts.SUBMISSION;
    }

    @Override
    public int tlsPort() {
        return SmtpPorts.SMTPS;
    }

    @Override
    public String usualPorts() {
        return SmtpPorts.usualPorts();
    }

    public boolean signsIn() {
        return authentication != SmtpAuthentication.NONE;
    }

    public boolean signsInWithToken() {
        return authentication == SmtpAuthentication.OAUTH2;
    }

    /** {@code smtp://smtp.example.com:587 (STARTTLS)}: for logs and messages. */
    public String address() {
        return "smtp://" + host + ":" + port + " (" + security.label() + ")";
    }

    @Override
    public String toString() {
        return "SmtpConnection[" + address() + ", authentication=" + authentication + ", username=" + username
                + ", trustSelfSignedCertificate=" + trustSelfSignedCertificate + ", connectTimeout=" + connectTimeout
                + ", readTimeout=" + readTimeout + "]";
    }
}
