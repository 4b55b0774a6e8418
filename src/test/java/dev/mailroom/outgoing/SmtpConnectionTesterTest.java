package dev.mailroom.outgoing;

import static dev.mailroom.connectiontest.ConnectionStep.AUTH;
import static dev.mailroom.connectiontest.ConnectionStep.DNS_LOOKUP;
import static dev.mailroom.connectiontest.ConnectionStep.EHLO;
import static dev.mailroom.connectiontest.ConnectionStep.GREETING;
import static dev.mailroom.connectiontest.ConnectionStep.EHLO_AFTER_STARTTLS;
import static dev.mailroom.connectiontest.ConnectionStep.SEND_TEST_EMAIL;
import static dev.mailroom.connectiontest.ConnectionStep.STARTTLS;
import static dev.mailroom.connectiontest.ConnectionStep.TCP_CONNECT;
import static dev.mailroom.connectiontest.ConnectionStep.TLS_HANDSHAKE;
import static dev.mailroom.connectiontest.StepStatus.FAILED;
import static dev.mailroom.connectiontest.StepStatus.PASSED;
import static dev.mailroom.connectiontest.StepStatus.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.connectiontest.ConnectionStep;
import dev.mailroom.connectiontest.ConnectionTestResult;
import dev.mailroom.connectiontest.SmtpConnectionTester;
import dev.mailroom.connectiontest.StepResult;
import dev.mailroom.outgoing.connectiontest.SmtpTestEmail;
import dev.mailroom.platform.MailIdentity;
import dev.mailroom.testing.FakeEsmtpGreeter;
import dev.mailroom.testing.SmtpGreenMail;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.ServerTrust;
import dev.mailroom.transport.SmtpAuthentication;
import dev.mailroom.transport.SmtpConnection;
import dev.mailroom.transport.SmtpSessions;

/** Each failure the SMTP Test Connection can name, against GreenMail (SMTP, SMTPS) on loopback with dynamic ports. */
class SmtpConnectionTesterTest {

    static final String USER = "desk@example.com";
    static final String PASSWORD = "Smtp-s3cret-Passw0rd";

    @RegisterExtension
    static final GreenMailExtension greenMail = SmtpGreenMail.withUser(USER, PASSWORD);

    private final ServerTrust trust = new ServerTrust();
    private final SmtpConnectionTester tester = new SmtpConnectionTester(trust, new SmtpSessions(trust, new MailIdentity("desk.example.com", "desk.example.com")));

    @Test
    void plainSmtpWithAuthPassesEveryStep() {
        ConnectionTestResult result = tester.test(smtp(greenMail.getSmtp().getPort(), MailSecurity.NONE, PASSWORD), null);

        assertThat(result.success()).as(result.summary()).isTrue();
        assertThat(result.steps()).extracting(StepResult::step).containsExactly(DNS_LOOKUP, TCP_CONNECT, GREETING, EHLO, AUTH);
        assertThat(result.steps()).extracting(StepResult::status).containsOnly(PASSED);
        assertThat(step(result, GREETING).replyCode()).isEqualTo(220);
        assertThat(step(result, GREETING).detail()).contains("unencrypted");
        assertThat(step(result, EHLO).replyCode()).isEqualTo(250);
        assertThat(step(result, EHLO).detail()).contains("AUTH PLAIN LOGIN");
        assertThat(step(result, AUTH).replyCode()).isEqualTo(235);
        assertThat(step(result, AUTH).detail()).isEqualTo("Signed in as " + USER + " (AUTH PLAIN)");
    }

    @Test
    void smtpsWithATrustedSelfSignedCertificatePasses() {
        SmtpConnection smtps = withTrust(smtp(greenMail.getSmtps().getPort(), MailSecurity.SSL_TLS, PASSWORD), true);

        ConnectionTestResult result = tester.test(smtps, null);

        assertThat(result.success()).as(result.summary()).isTrue();
        assertThat(result.steps()).extracting(StepResult::step)
                .containsExactly(DNS_LOOKUP, TCP_CONNECT, TLS_HANDSHAKE, GREETING, EHLO, AUTH);
        assertThat(step(result, TLS_HANDSHAKE).detail()).startsWith("TLS established: TLS");
        assertThat(step(result, GREETING).detail()).isEqualTo("The server greeted over TLS");
    }

    @Test
    void selfSignedCertificateIsRefusedByDefault() {
        ConnectionTestResult result = tester.test(smtp(greenMail.getSmtps().getPort(), MailSecurity.SSL_TLS, PASSWORD), null);

        assertThat(result.failedStep()).isEqualTo(TLS_HANDSHAKE);
        assertThat(step(result, TLS_HANDSHAKE).hint()).contains("is not trusted", "'Trust self-signed certificate'");
        assertThat(step(result, GREETING).status()).isEqualTo(SKIPPED);
    }

    @Test
    void wrongPasswordFailsAtAuthWithTheAppPasswordHint() {
        ConnectionTestResult result = tester.test(smtp(greenMail.getSmtp().getPort(), MailSecurity.NONE, "Wrong-Guess-Pw-1"),
                null);

        assertThat(result.success()).isFalse();
        assertThat(result.failedStep()).isEqualTo(AUTH);
        StepResult auth = step(result, AUTH);
        assertThat(auth.replyCode()).isEqualTo(535);
        assertThat(auth.serverResponse()).startsWith("535");
        assertThat(auth.hint()).contains("for Gmail and Microsoft 365, use an App Password or OAuth 2.0 instead of the "
                + "regular account password");
        assertThat(result.toString()).doesNotContain("Wrong-Guess-Pw-1");
    }

    @Test
    void startTlsThatTheServerDoesNotOfferFailsWithAHint() {
        ConnectionTestResult result = tester.test(smtp(greenMail.getSmtp().getPort(), MailSecurity.STARTTLS, PASSWORD), null);

        assertThat(result.failedStep()).isEqualTo(STARTTLS);
        StepResult startTls = step(result, STARTTLS);
        assertThat(startTls.detail()).startsWith("The server does not offer STARTTLS");
        assertThat(startTls.hint()).contains("does not offer STARTTLS on port " + greenMail.getSmtp().getPort(),
                "Choose SSL/TLS with port 465");
        assertThat(step(result, EHLO_AFTER_STARTTLS).status()).isEqualTo(SKIPPED);
        assertThat(step(result, AUTH).status()).isEqualTo(SKIPPED);
    }

    @Test
    void closedPortFailsAtTcpConnectNamingHostPortAndFirewall() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            closedPort = socket.getLocalPort();
        }

        ConnectionTestResult result = tester.test(smtp(closedPort, MailSecurity.STARTTLS, PASSWORD), null);

        assertThat(result.failedStep()).isEqualTo(TCP_CONNECT);
        StepResult tcp = step(result, TCP_CONNECT);
        assertThat(tcp.status()).isEqualTo(FAILED);
        assertThat(tcp.detail()).contains("port " + closedPort + " of 127.0.0.1", "connection refused");
        assertThat(tcp.hint()).contains("Verify the SMTP host and port",
                "use port 587 with STARTTLS for most of the email providers", "firewall");
        assertThat(result.steps()).extracting(StepResult::status)
                .containsExactly(PASSED, FAILED, SKIPPED, SKIPPED, SKIPPED, SKIPPED, SKIPPED);
    }

    @Test
    void unresolvableHostFailsAtDnsLookup() {
        SmtpConnection nowhere = new SmtpConnection("no-such-host.invalid", 587, MailSecurity.STARTTLS,
                SmtpAuthentication.PASSWORD, USER, PASSWORD, false, Duration.ofSeconds(2), Duration.ofSeconds(2));

        ConnectionTestResult result = tester.test(nowhere, null);

        assertThat(result.failedStep()).isEqualTo(DNS_LOOKUP);
        assertThat(step(result, DNS_LOOKUP).hint()).contains("Check the host name 'no-such-host.invalid'", "smtp://");
        assertThat(result.summary()).startsWith("Failed at DNS lookup:");
    }

    @Test
    void startTlsRefusedByTheServerFailsWithAHint() throws Exception {
        try (FakeEsmtpGreeter server = FakeEsmtpGreeter.refusingStartTls("454 4.7.0 TLS not available due to temporary reason")) {
            ConnectionTestResult result = tester.test(smtp(server.port(), MailSecurity.STARTTLS, PASSWORD), null);

            assertThat(result.failedStep()).isEqualTo(STARTTLS);
            assertThat(step(result, STARTTLS).replyCode()).isEqualTo(454);
            assertThat(step(result, STARTTLS).hint()).contains("refused to start TLS", "SSL/TLS with port 465");
        }
    }

    @Test
    void serverThatWantsASignInWhileAuthenticationIsNoneSaysSo() throws Exception {
        try (FakeEsmtpGreeter server = FakeEsmtpGreeter.answeringMailFrom("530 5.7.0 Authentication required")) {
            ConnectionTestResult result = tester.test(relay(server.port()), testEmail("requester@example.org"));

            assertThat(result.failedStep()).isEqualTo(SEND_TEST_EMAIL);
            StepResult send = step(result, SEND_TEST_EMAIL);
            assertThat(send.replyCode()).isEqualTo(530);
            assertThat(send.detail()).startsWith("The server refused the from address at MAIL FROM");
            assertThat(send.serverResponse()).startsWith("530 5.7.0 Authentication required");
            assertThat(send.hint()).contains("requires a sign-in (AUTH), but the authentication is NONE");
            assertThat(step(result, EHLO).detail()).contains("Authentication is NONE");
        }
    }

    @Test
    void relayDeniedAtRcptToNamesTheRecipient() throws Exception {
        try (FakeEsmtpGreeter server = FakeEsmtpGreeter.answeringRcptTo("550 5.7.1 Relaying denied")) {
            ConnectionTestResult result = tester.test(relay(server.port()), testEmail("outside@example.net"));

            StepResult send = step(result, SEND_TEST_EMAIL);
            assertThat(send.status()).isEqualTo(FAILED);
            assertThat(send.replyCode()).isEqualTo(550);
            assertThat(send.detail()).startsWith("The server refused the recipient at RCPT TO");
            assertThat(send.hint()).contains("refused to relay mail to outside@example.net", "Choose authentication PASSWORD");
        }
    }

    @Test
    void aTestEmailThroughASignedInServerArrivesWithOurHeaders() throws Exception {
        ConnectionTestResult result = tester.test(smtp(greenMail.getSmtp().getPort(), MailSecurity.NONE, PASSWORD),
                testEmail("arrives@example.org"));

        assertThat(result.success()).as(result.summary()).isTrue();
        assertThat(step(result, SEND_TEST_EMAIL).detail()).startsWith("Sent a test email to arrives@example.org (Message-ID <TEST.1@mailroom.local>)");
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        var received = java.util.Arrays.stream(greenMail.getReceivedMessages())
                .filter(message -> "<TEST.1@mailroom.local>".equals(messageId(message))).findFirst().orElseThrow();
        assertThat(received.getHeader("X-Mailroom-Notification", null)).isEqualTo("TEST_EMAIL");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(received.getFrom()[0].toString()).isEqualTo("Service Desk <" + USER + ">");
    }

    private static String messageId(jakarta.mail.internet.MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    static SmtpConnection relay(int port) {
        return new SmtpConnection("127.0.0.1", port, MailSecurity.NONE, SmtpAuthentication.NONE, null, null, false,
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    static SmtpTestEmail testEmail(String recipient) {
        OutgoingServerSettings settings = new OutgoingServerSettings("Tester", "127.0.0.1", 25, MailSecurity.NONE,
                SmtpAuthentication.NONE, null, USER, "Service Desk", "help@example.com", true, false,
                OutgoingServerSettings.DEFAULT_MAX_ATTACHMENT_BYTES, java.util.List.of(), false, 5, 5);
        return SmtpTestEmail.to(recipient, settings, "<TEST.1@mailroom.local>", "0123456789abcdef01234567");
    }

    static SmtpConnection smtp(int port, MailSecurity security, String password) {
        return new SmtpConnection("127.0.0.1", port, security, SmtpAuthentication.PASSWORD, USER, password, false,
                Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    static SmtpConnection withTrust(SmtpConnection c, boolean trustSelfSigned) {
        return new SmtpConnection(c.host(), c.port(), c.security(), c.authentication(), c.username(), c.password(),
                trustSelfSigned, c.connectTimeout(), c.readTimeout());
    }

    static StepResult step(ConnectionTestResult result, ConnectionStep step) {
        return result.steps().stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }
}
