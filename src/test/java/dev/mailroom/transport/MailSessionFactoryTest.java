package dev.mailroom.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Properties;

import javax.net.ssl.SSLSocketFactory;

import org.junit.jupiter.api.Test;

class MailSessionFactoryTest {

    private final MailSessionFactory sessions = new MailSessionFactory(new ServerTrust());

    @Test
    void startTlsIsRequiredAndCertificatesAreCheckedByDefault() {
        Properties properties = sessions.properties(connection(MailProtocol.IMAP, MailSecurity.STARTTLS, false));

        assertThat(properties.get("mail.store.protocol")).isEqualTo("imap");
        assertThat(properties.get("mail.imap.starttls.enable")).isEqualTo("true");
        assertThat(properties.get("mail.imap.starttls.required")).isEqualTo("true");
        assertThat(properties.get("mail.imap.ssl.enable")).isEqualTo("false");
        assertThat(properties.get("mail.imap.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(properties.get("mail.imap.ssl.socketFactory")).isInstanceOf(SSLSocketFactory.class);
        assertThat(properties.get("mail.imap.connectiontimeout")).isEqualTo("7000");
        assertThat(properties.get("mail.imap.timeout")).isEqualTo("9000");
    }

    @Test
    void trustingSelfSignedSkipsTheHostNameCheckForThisServerOnly() {
        Properties trusting = sessions.properties(connection(MailProtocol.POP3, MailSecurity.SSL_TLS, true));
        Properties strict = sessions.properties(connection(MailProtocol.POP3, MailSecurity.SSL_TLS, false));

        assertThat(trusting.get("mail.pop3.ssl.enable")).isEqualTo("true");
        assertThat(trusting.get("mail.pop3.ssl.checkserveridentity")).isEqualTo("false");
        assertThat(strict.get("mail.pop3.ssl.checkserveridentity")).isEqualTo("true");
        assertThat(trusting.get("mail.pop3.ssl.socketFactory")).isNotSameAs(strict.get("mail.pop3.ssl.socketFactory"));
    }

    @Test
    void thePasswordIsNeverAProperty() {
        Properties properties = sessions.properties(connection(MailProtocol.IMAP, MailSecurity.NONE, false));

        assertThat(properties.values()).noneMatch("pw-123456"::equals);
        assertThat(properties).doesNotContainKey("mail.imap.ssl.socketFactory");
        assertThat(connection(MailProtocol.IMAP, MailSecurity.NONE, false).toString()).doesNotContain("pw-123456");
    }

    private static MailConnection connection(MailProtocol protocol, MailSecurity security, boolean trustSelfSigned) {
        return new MailConnection(protocol, "mail.example.com", 1234, security, "user", "pw-123456", "INBOX",
                trustSelfSigned, Duration.ofSeconds(7), Duration.ofSeconds(9));
    }
}
