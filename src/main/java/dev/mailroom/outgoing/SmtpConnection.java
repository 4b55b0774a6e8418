package dev.mailroom.outgoing;

import java.time.Duration;

import dev.mailroom.incoming.connection.MailEndpoint;
import dev.mailroom.incoming.connection.MailSecurity;

/**
 * Everything needed to reach and sign in to one SMTP server, with the password already decrypted. Lives only in
 * memory for one send or test; {@link #toString()} leaves the password out so it cannot reach a log by accident.
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
        Duration readTimeout) implements MailEndpoint {

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
        return authentication == SmtpAuthentication.PASSWORD;
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
