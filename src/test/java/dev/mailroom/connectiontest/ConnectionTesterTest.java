package dev.mailroom.connectiontest;

import static dev.mailroom.connectiontest.ConnectionStep.DNS_LOOKUP;
import static dev.mailroom.connectiontest.ConnectionStep.GREETING;
import static dev.mailroom.connectiontest.ConnectionStep.LOGIN;
import static dev.mailroom.connectiontest.ConnectionStep.OPEN_FOLDER;
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
import java.util.Properties;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.transport.MailConnection;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.MailSessionFactory;
import dev.mailroom.transport.ServerTrust;

/** Each failure Test Connection can name, against GreenMail on loopback with dynamic ports. */
class ConnectionTesterTest {

    static final String USER = "agent@example.com";
    static final String PASSWORD = "s3cret-Passw0rd!";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD))
            .withPerMethodLifecycle(false);

    private final ServerTrust trust = new ServerTrust();
    private final ConnectionTester tester = new ConnectionTester(trust, new MailSessionFactory(trust));

    @BeforeAll
    static void mailboxWithOneMessageAndASupportFolder() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("requester@example.org"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(USER));
        message.setSubject("Printer on fire");
        message.setText("Please help.");
        var user = greenMail.getUserManager().getUserByEmail(USER);
        user.deliver(message);
        greenMail.getManagers().getImapHostManager().createMailbox(user, "Support");
    }

    @Test
    void imapPassesEveryStep() {
        ConnectionTestResult result = tester.test(imap(greenMail.getImap().getPort(), MailSecurity.NONE));

        assertThat(result.success()).isTrue();
        assertThat(result.failedStep()).isNull();
        assertThat(result.steps()).extracting(StepResult::step).containsExactly(DNS_LOOKUP, TCP_CONNECT, GREETING, LOGIN, OPEN_FOLDER);
        assertThat(result.steps()).extracting(StepResult::status).containsOnly(PASSED);
        assertThat(step(result, GREETING).serverResponse()).startsWith("* OK").contains("* CAPABILITY IMAP4rev1");
        assertThat(step(result, GREETING).detail()).contains("unencrypted");
        assertThat(step(result, OPEN_FOLDER).detail()).isEqualTo("Opened INBOX: 1 message");
    }

    @Test
    void imapsPassesWhenTheServerIsTrustedForItsSelfSignedCertificate() {
        ConnectionTestResult result = tester.test(trustingSelfSigned(imap(greenMail.getImaps().getPort(), MailSecurity.SSL_TLS)));

        assertThat(result.success()).isTrue();
        assertThat(result.steps()).extracting(StepResult::step).containsExactly(DNS_LOOKUP, TCP_CONNECT, TLS_HANDSHAKE, LOGIN, OPEN_FOLDER);
        assertThat(step(result, TLS_HANDSHAKE).detail()).contains("TLS", "GreenMail selfsigned Test Certificate", "self-signed");
        assertThat(step(result, TLS_HANDSHAKE).serverResponse()).startsWith("* OK");
    }

    @Test
    void pop3PassesEveryStep() {
        ConnectionTestResult result = tester.test(pop3(greenMail.getPop3().getPort(), MailSecurity.NONE));

        assertThat(result.success()).isTrue();
        assertThat(step(result, GREETING).serverResponse()).startsWith("+OK");
        assertThat(step(result, OPEN_FOLDER).detail()).isEqualTo("Opened INBOX: 1 message");
    }

    @Test
    void pop3sPassesWhenTheServerIsTrustedForItsSelfSignedCertificate() {
        ConnectionTestResult result = tester.test(trustingSelfSigned(pop3(greenMail.getPop3s().getPort(), MailSecurity.SSL_TLS)));

        assertThat(result.success()).isTrue();
        assertThat(step(result, TLS_HANDSHAKE).serverResponse()).startsWith("+OK");
    }

    @Test
    void unknownHostFailsAtDnsLookupWithoutAskingAnyServer() {
        MailConnection connection = withHost(imap(993, MailSecurity.SSL_TLS), "mail.example.invalid");

        ConnectionTestResult result = tester.test(connection);

        assertFailedAt(result, DNS_LOOKUP, "Check the host name 'mail.example.invalid'");
        assertThat(result.steps()).extracting(StepResult::status).containsExactly(FAILED, SKIPPED, SKIPPED, SKIPPED, SKIPPED);
        assertThat(result.summary()).startsWith("Failed at DNS lookup:");
    }

    @Test
    void closedPortFailsAtTcpConnect() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }

        ConnectionTestResult result = tester.test(imap(closedPort, MailSecurity.NONE));

        assertFailedAt(result, TCP_CONNECT, "Nothing accepts connections on port " + closedPort);
        assertThat(step(result, TCP_CONNECT).hint()).contains("IMAP uses port 143 with STARTTLS and port 993 with SSL/TLS", "firewall");
        assertThat(step(result, TCP_CONNECT).detail()).contains("connection refused");
    }

    @Test
    void tlsSpokenToAPlainPortFailsAtTheHandshake() {
        ConnectionTestResult result = tester.test(imap(greenMail.getImap().getPort(), MailSecurity.SSL_TLS));

        assertFailedAt(result, TLS_HANDSHAKE, "The security type doesn't match the port");
        assertThat(step(result, TLS_HANDSHAKE).hint()).contains("answered in plain text", "STARTTLS", "port 993 with SSL/TLS");
    }

    @Test
    void plainSpokenToATlsPortFailsAtTheGreeting() {
        ConnectionTestResult result = tester.test(pop3(greenMail.getPop3s().getPort(), MailSecurity.NONE));

        assertFailedAt(result, GREETING, "The security type doesn't match the port");
        assertThat(step(result, GREETING).hint()).contains("waiting for a TLS handshake", "POP3 uses port 110 with STARTTLS and port 995 with SSL/TLS");
        assertThat(step(result, GREETING).detail()).isEqualTo("The server sent no greeting within 1 s");
    }

    @Test
    void selfSignedCertificateIsNotTrustedByDefault() {
        ConnectionTestResult result = tester.test(imap(greenMail.getImaps().getPort(), MailSecurity.SSL_TLS));

        assertFailedAt(result, TLS_HANDSHAKE, "is not trusted");
        assertThat(step(result, TLS_HANDSHAKE).hint())
                .contains("GreenMail selfsigned Test Certificate", "self-signed", "turn on 'Trust self-signed certificate'");
    }

    @Test
    void trustedCertificateForAnotherHostNameFailsTheHostNameCheck() throws Exception {
        ServerTrust trustingGreenMail = ServerTrust.trusting(FakeStartTlsImapServer.greenMailKeyStore());
        ConnectionTester strictTester = new ConnectionTester(trustingGreenMail, new MailSessionFactory(trustingGreenMail));

        ConnectionTestResult result = strictTester.test(imap(greenMail.getImaps().getPort(), MailSecurity.SSL_TLS));

        assertFailedAt(result, TLS_HANDSHAKE, "is not issued for '127.0.0.1'");
        assertThat(step(result, TLS_HANDSHAKE).hint()).contains("for no host names");
    }

    @Test
    void wrongPasswordFailsAtLoginWithTheServersAnswer() {
        MailConnection connection = withPassword(imap(greenMail.getImap().getPort(), MailSecurity.NONE), "not-the-password");

        ConnectionTestResult result = tester.test(connection);

        assertFailedAt(result, LOGIN, "App Password or OAuth 2.0");
        assertThat(step(result, LOGIN).serverResponse()).isNotBlank();
        assertThat(step(result, OPEN_FOLDER).status()).isEqualTo(SKIPPED);
        assertThat(result.toString()).doesNotContain("not-the-password");
    }

    @Test
    void wrongPop3PasswordFailsAtLogin() {
        MailConnection connection = withPassword(pop3(greenMail.getPop3().getPort(), MailSecurity.NONE), "not-the-password");

        assertFailedAt(tester.test(connection), LOGIN, "Check the username and password");
    }

    @Test
    void missingFolderIsNamedWithTheFoldersThatExist() {
        MailConnection connection = withFolder(imap(greenMail.getImap().getPort(), MailSecurity.NONE), "Tickets");

        ConnectionTestResult result = tester.test(connection);

        assertFailedAt(result, OPEN_FOLDER, "The folder 'Tickets' does not exist");
        assertThat(step(result, OPEN_FOLDER).hint()).contains("Folders that exist: INBOX, Support");
    }

    @Test
    void startTlsThatTheServerDoesNotOfferFailsAtStartTls() {
        ConnectionTestResult result = tester.test(imap(greenMail.getImap().getPort(), MailSecurity.STARTTLS));

        assertFailedAt(result, STARTTLS, "does not offer STARTTLS");
        assertThat(step(result, STARTTLS).serverResponse()).contains("* CAPABILITY");
    }

    @Test
    void wrongProtocolForThePortIsNamed() {
        ConnectionTestResult result = tester.test(pop3(greenMail.getImap().getPort(), MailSecurity.NONE));

        assertFailedAt(result, GREETING, "speaks IMAP, not POP3");
        assertThat(step(result, GREETING).detail()).isEqualTo("The server speaks IMAP, not POP3");
    }

    @Test
    void startTlsUpgradesThenTheSessionFactorySignsInOverStartTlsToo() throws Exception {
        try (FakeStartTlsImapServer server = new FakeStartTlsImapServer()) {
            ConnectionTestResult result = tester.test(trustingSelfSigned(imap(server.port(), MailSecurity.STARTTLS)));

            assertThat(step(result, STARTTLS).status()).isEqualTo(PASSED);
            assertThat(step(result, STARTTLS).serverResponse()).contains("STARTTLS", "Begin TLS negotiation now");
            assertThat(step(result, STARTTLS).detail()).startsWith("Upgraded to TLS").contains("self-signed");
            // The fake server echoes the LOGIN arguments, password included: the result must not.
            assertFailedAt(result, LOGIN, "Check the username and password");
            assertThat(step(result, LOGIN).serverResponse()).contains("Invalid credentials", "******");
            assertThat(result.toString()).doesNotContain(PASSWORD);
        }
    }

    @Test
    void startTlsWithAnUntrustedCertificateFailsAtStartTls() throws Exception {
        try (FakeStartTlsImapServer server = new FakeStartTlsImapServer()) {
            ConnectionTestResult result = tester.test(imap(server.port(), MailSecurity.STARTTLS));

            assertFailedAt(result, STARTTLS, "is not trusted");
            assertThat(step(result, STARTTLS).serverResponse()).contains("Begin TLS negotiation now");
        }
    }

    private static void assertFailedAt(ConnectionTestResult result, ConnectionStep step, String hint) {
        assertThat(result.success()).isFalse();
        assertThat(result.failedStep()).isEqualTo(step);
        StepResult failed = step(result, step);
        assertThat(failed.status()).isEqualTo(FAILED);
        assertThat(failed.hint()).contains(hint);
        assertThat(result.steps().stream().dropWhile(s -> s.step() != step).skip(1).map(StepResult::status))
                .allMatch(SKIPPED::equals);
        assertThat(result.toString()).doesNotContain(PASSWORD);
    }

    private static StepResult step(ConnectionTestResult result, ConnectionStep step) {
        return result.steps().stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    static MailConnection imap(int port, MailSecurity security) {
        return connection(MailProtocol.IMAP, port, security);
    }

    static MailConnection pop3(int port, MailSecurity security) {
        return connection(MailProtocol.POP3, port, security);
    }

    private static MailConnection connection(MailProtocol protocol, int port, MailSecurity security) {
        return new MailConnection(protocol, "127.0.0.1", port, security, USER, PASSWORD, "INBOX", false,
                Duration.ofSeconds(2), Duration.ofSeconds(1));
    }

    private static MailConnection trustingSelfSigned(MailConnection c) {
        return new MailConnection(c.protocol(), c.host(), c.port(), c.security(), c.username(), c.password(), c.folder(),
                true, c.connectTimeout(), c.readTimeout());
    }

    private static MailConnection withHost(MailConnection c, String host) {
        return new MailConnection(c.protocol(), host, c.port(), c.security(), c.username(), c.password(), c.folder(),
                c.trustSelfSignedCertificate(), c.connectTimeout(), c.readTimeout());
    }

    private static MailConnection withPassword(MailConnection c, String password) {
        return new MailConnection(c.protocol(), c.host(), c.port(), c.security(), c.username(), password, c.folder(),
                c.trustSelfSignedCertificate(), c.connectTimeout(), c.readTimeout());
    }

    private static MailConnection withFolder(MailConnection c, String folder) {
        return new MailConnection(c.protocol(), c.host(), c.port(), c.security(), c.username(), c.password(), folder,
                c.trustSelfSignedCertificate(), c.connectTimeout(), c.readTimeout());
    }
}
