package dev.mailroom.transport;

import java.util.Properties;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;

import org.springframework.stereotype.Component;

/**
 * Builds the Jakarta Mail session for a mailbox and signs in to it. Fetching and Test Connection both connect through
 * here, so a server that passes the test is reached the same way when it is fetched: same security, certificate
 * trust, host name check and timeouts. The password goes to {@link Store#connect} only, never into the properties.
 * A server on OAuth 2.0 signs in with XOAUTH2 and its access token; when the server refuses the token, it is renewed
 * once and the sign-in tried again (a token revoked or cut short before its expiry).
 */
@Component
public class MailSessionFactory {

    private final ServerTrust trust;

    public MailSessionFactory(ServerTrust trust) {
        this.trust = trust;
    }

    /** The session properties; a fetcher may add its own (e.g. IMAP partial fetch) before creating a session. */
    public Properties properties(MailConnection connection) {
        String prefix = "mail." + connection.protocol().javaMailName();
        boolean tls = connection.security() != MailSecurity.NONE;
        boolean startTls = connection.security() == MailSecurity.STARTTLS;
        Properties properties = new Properties();
        properties.put("mail.store.protocol", connection.protocol().javaMailName());
        properties.put(prefix + ".host", connection.host());
        properties.put(prefix + ".port", String.valueOf(connection.port()));
        properties.put(prefix + ".connectiontimeout", String.valueOf(connection.connectTimeout().toMillis()));
        properties.put(prefix + ".timeout", String.valueOf(connection.readTimeout().toMillis()));
        properties.put(prefix + ".ssl.enable", String.valueOf(connection.security() == MailSecurity.SSL_TLS));
        properties.put(prefix + ".starttls.enable", String.valueOf(startTls));
        // A server that stops offering STARTTLS must fail, not silently carry the password in plain text.
        properties.put(prefix + ".starttls.required", String.valueOf(startTls));
        if (connection.signsInWithToken()) {
            properties.put(prefix + ".auth.mechanisms", "XOAUTH2");
        }
        if (tls) {
            properties.put(prefix + ".ssl.socketFactory", trust.socketFactory(connection));
            properties.put(prefix + ".ssl.checkserveridentity", String.valueOf(trust.checksHostname(connection)));
        }
        return properties;
    }

    public Session session(MailConnection connection) {
        return Session.getInstance(properties(connection));
    }

    /** A store signed in to the mailbox; the caller closes it. */
    public Store connect(MailConnection connection) throws MessagingException {
        return connect(connection, session(connection));
    }

    public Store connect(MailConnection connection, Session session) throws MessagingException {
        Store store = session.getStore(connection.protocol().javaMailName());
        if (connection.signsInWithToken()) {
            connection.tokenSignIn().signIn(token -> store.connect(connection.host(), connection.port(),
                    connection.username(), token));
        } else {
            store.connect(connection.host(), connection.port(), connection.username(), connection.password());
        }
        return store;
    }
}
