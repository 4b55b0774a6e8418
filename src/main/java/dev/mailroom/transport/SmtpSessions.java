package dev.mailroom.transport;

import java.util.Properties;

import org.springframework.stereotype.Component;

import dev.mailroom.platform.MailIdentity;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;

/**
 * Builds the Jakarta Mail session for an SMTP server and signs in to it. The sender and Test Connection both connect
 * through here, so a server that passes the test is reached the same way when mail is sent. The password goes to
 * {@link Transport#connect} only, never into the properties. With OAuth 2.0 it signs in with XOAUTH2 and the access
 * token, renewed once when the server refuses it.
 */
@Component
public class SmtpSessions {

    private final ServerTrust trust;
    private final MailIdentity identity;

    public SmtpSessions(ServerTrust trust, MailIdentity identity) {
        this.trust = trust;
        this.identity = identity;
    }

    public Properties properties(SmtpConnection connection) {
        boolean tls = connection.security() != MailSecurity.NONE;
        boolean startTls = connection.security() == MailSecurity.STARTTLS;
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", connection.host());
        properties.put("mail.smtp.port", String.valueOf(connection.port()));
        properties.put("mail.smtp.localhost", identity.heloName());
        properties.put("mail.smtp.connectiontimeout", String.valueOf(connection.connectTimeout().toMillis()));
        properties.put("mail.smtp.timeout", String.valueOf(connection.readTimeout().toMillis()));
        properties.put("mail.smtp.writetimeout", String.valueOf(connection.readTimeout().toMillis()));
        properties.put("mail.smtp.auth", String.valueOf(connection.signsIn()));
        // The order Test Connection's AUTH step tries, so a server that passes the test signs us in the same way.
        properties.put("mail.smtp.auth.mechanisms", connection.signsInWithToken() ? "XOAUTH2" : "PLAIN LOGIN");
        properties.put("mail.smtp.ssl.enable", String.valueOf(connection.security() == MailSecurity.SSL_TLS));
        properties.put("mail.smtp.starttls.enable", String.valueOf(startTls));
        // A server that stops offering STARTTLS must fail, not silently carry the password and the mail in plain text.
        properties.put("mail.smtp.starttls.required", String.valueOf(startTls));
        // Recipients the server refuses are reported per address while the others are still sent to.
        properties.put("mail.smtp.sendpartial", "true");
        if (tls) {
            properties.put("mail.smtp.ssl.socketFactory", trust.socketFactory(connection.trustSelfSignedCertificate()));
            properties.put("mail.smtp.ssl.checkserveridentity", String.valueOf(!connection.trustSelfSignedCertificate()));
        }
        return properties;
    }

    public Session session(SmtpConnection connection) {
        return Session.getInstance(properties(connection));
    }

    /** A transport connected (and signed in, if the server wants it); the caller closes it. */
    public Transport connect(SmtpConnection connection, Session session) throws MessagingException {
        Transport transport = session.getTransport("smtp");
        connect(connection, transport);
        return transport;
    }

    /** Connects (and signs in) a transport the caller already holds, so it can read the server's last reply on failure. */
    public void connect(SmtpConnection connection, Transport transport) throws MessagingException {
        if (connection.signsInWithToken()) {
            connection.tokenSignIn().signIn(token -> transport.connect(connection.host(), connection.port(),
                    connection.username(), token));
        } else if (connection.signsIn()) {
            transport.connect(connection.host(), connection.port(), connection.username(), connection.password());
        } else {
            transport.connect(connection.host(), connection.port(), null, null);
        }
    }
}
