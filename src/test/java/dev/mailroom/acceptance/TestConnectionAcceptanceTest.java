package dev.mailroom.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.connectiontest.ConnectionStep;
import dev.mailroom.connectiontest.ConnectionTestResult;
import dev.mailroom.connectiontest.ConnectionTester;
import dev.mailroom.connectiontest.StepResult;
import dev.mailroom.connectiontest.StepStatus;
import dev.mailroom.testing.Api.Response;
import dev.mailroom.testing.Api;
import dev.mailroom.transport.MailConnection;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.MailSessionFactory;
import dev.mailroom.transport.ServerTrust;
import tools.jackson.databind.JsonNode;

/**
 * Test Connection against a real Dovecot, for IMAP and POP3 with every security type: plain, STARTTLS (which GreenMail
 * cannot offer) and SSL/TLS, with the server's self-signed certificate trusted explicitly; and the failures an admin
 * meets there: a wrong password, STARTTLS on a port that speaks TLS from the first byte, and a certificate nobody
 * vouched for.
 */
@AcceptanceTest
class TestConnectionAcceptanceTest {

    private static final String TEST = "/api/incoming-servers/test";
    private static final String HELPDESK = "helpdesk";

    @Autowired
    Api api;

    @Autowired
    ConnectionTester tester;

    final AcceptanceServers servers = AcceptanceServers.get();

    @ParameterizedTest(name = "{0} {1} on port {2}")
    @CsvSource({
            "IMAP, NONE,     imap,  GREETING,      * OK",
            "IMAP, STARTTLS, imap,  STARTTLS,      * OK",
            "IMAP, SSL_TLS,  imaps, TLS_HANDSHAKE, * OK",
            "POP3, NONE,     pop3,  GREETING,      +OK",
            "POP3, STARTTLS, pop3,  STARTTLS,      +OK",
            "POP3, SSL_TLS,  pop3s, TLS_HANDSHAKE, +OK"})
    void everyStepPasses(String protocol, String security, String service, String securityStep, String greeting) {
        Response result = api.admin().post(TEST, server(protocol, security, servers.port(service), servers.password(HELPDESK)));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("success").asBoolean()).as(result.body().toString()).isTrue();
        assertThat(result.get("steps").findValuesAsString("step"))
                .containsExactly("DNS_LOOKUP", "TCP_CONNECT", securityStep, "LOGIN", "OPEN_FOLDER");
        assertThat(result.get("steps").findValuesAsString("status")).containsOnly("PASSED");
        JsonNode step = result.get("steps").get(2);
        if (!security.equals("SSL_TLS")) {
            assertThat(step.get("serverResponse").asString()).as("Dovecot's own greeting").startsWith(greeting)
                    .contains("Dovecot");
        }
        if (security.equals("STARTTLS")) {
            assertThat(step.get("serverResponse").asString()).as("capabilities offer the upgrade")
                    .containsAnyOf("STARTTLS", "STLS");
        }
        if (!security.equals("NONE")) {
            assertThat(step.get("detail").asString()).contains("TLSv1.", "CN=localhost");
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"IMAP, STARTTLS, imap", "POP3, SSL_TLS, pop3s"})
    void wrongPasswordFailsAtLoginWithTheHint(String protocol, String security, String service) {
        Response result = api.admin().post(TEST, server(protocol, security, servers.port(service), "Not-The-Password-7"));

        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("failedStep").asString()).isEqualTo("LOGIN");
        JsonNode login = result.get("steps").get(3);
        assertThat(login.get("detail").asString()).contains("refused the username or password of helpdesk");
        assertThat(login.get("hint").asString()).contains("Check the username and password");
        assertThat(result.get("steps").get(4).get("status").asString()).isEqualTo("SKIPPED");
        assertThat(result.body().toString()).doesNotContain("Not-The-Password-7");
    }

    /** The API refuses this combination on the well-known ports, so the tester is asked directly, as an API on 9993 would be. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"IMAP, imaps", "POP3, pop3s"})
    void startTlsOnAnImplicitTlsPortFailsClearly(MailProtocol protocol, String service) {
        ConnectionTestResult result = tester.test(connection(protocol, MailSecurity.STARTTLS, servers.port(service),
                false, Duration.ofSeconds(2)));

        assertThat(result.success()).isFalse();
        assertThat(result.failedStep()).isEqualTo(ConnectionStep.STARTTLS);
        StepResult step = result.steps().get(2);
        assertThat(step.detail()).isEqualTo("The server sent no greeting within 2 s");
        assertThat(step.hint()).contains("waiting for a TLS handshake", "expects SSL/TLS", "Choose SSL/TLS");
        assertThat(result.steps().subList(3, 5)).extracting(StepResult::status).containsOnly(StepStatus.SKIPPED);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"IMAP, imap", "POP3, pop3"})
    void sslTlsOnAPlainPortFailsClearly(MailProtocol protocol, String service) {
        ConnectionTestResult result = tester.test(connection(protocol, MailSecurity.SSL_TLS, servers.port(service),
                false, Duration.ofSeconds(5)));

        assertThat(result.failedStep()).isEqualTo(ConnectionStep.TLS_HANDSHAKE);
        assertThat(result.steps().get(2).hint()).contains("the server answered in plain text", "Choose STARTTLS");
    }

    /** Without the explicit trust of the tests, the JVM's trust store decides: a self-signed certificate is refused. */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
            "IMAP, SSL_TLS,  imaps, TLS_HANDSHAKE",
            "IMAP, STARTTLS, imap,  STARTTLS",
            "POP3, SSL_TLS,  pop3s, TLS_HANDSHAKE",
            "POP3, STARTTLS, pop3,  STARTTLS"})
    void selfSignedCertificateIsRejectedByDefault(MailProtocol protocol, MailSecurity security, String service,
            ConnectionStep failing) {
        ServerTrust jvmDefault = new ServerTrust();
        ConnectionTester byDefault = new ConnectionTester(jvmDefault, new MailSessionFactory(jvmDefault));

        ConnectionTestResult result = byDefault.test(connection(protocol, security, servers.port(service), false,
                Duration.ofSeconds(10)));

        assertThat(result.success()).isFalse();
        assertThat(result.failedStep()).isEqualTo(failing);
        StepResult step = result.steps().stream().filter(s -> s.step() == failing).findFirst().orElseThrow();
        assertThat(step.detail()).contains("failed");
        assertThat(step.hint()).contains("CN=localhost", "is not trusted", "self-signed",
                "turn on 'Trust self-signed certificate'");
        assertThat(result.steps()).filteredOn(s -> s.step() == ConnectionStep.LOGIN).extracting(StepResult::status)
                .containsExactly(StepStatus.SKIPPED);

        ConnectionTestResult trustedByChoice = byDefault.test(connection(protocol, security, servers.port(service), true,
                Duration.ofSeconds(10)));
        assertThat(trustedByChoice.success()).as(trustedByChoice.summary()).isTrue();
    }

    @Test
    void unknownFolderIsNamedWithTheFoldersThatExist() {
        Map<String, Object> body = server("IMAP", "STARTTLS", servers.port("imap"), servers.password(HELPDESK));
        body.put("folder", "Tickets");

        Response result = api.admin().post(TEST, body);

        assertThat(result.get("failedStep").asString()).isEqualTo("OPEN_FOLDER");
        assertThat(result.get("steps").get(4).get("hint").asString()).contains("The folder 'Tickets' does not exist", "INBOX");
    }

    private Map<String, Object> server(String protocol, String security, int port, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Dovecot " + protocol + " " + security);
        body.put("mailboxAddresses", List.of(servers.address(HELPDESK)));
        body.put("protocol", protocol);
        body.put("host", servers.host());
        body.put("port", port);
        body.put("security", security);
        body.put("username", HELPDESK);
        body.put("password", password);
        body.put("connectTimeoutSeconds", 5);
        body.put("readTimeoutSeconds", 10);
        return body;
    }

    private MailConnection connection(MailProtocol protocol, MailSecurity security, int port, boolean trustSelfSigned,
            Duration readTimeout) {
        return new MailConnection(protocol, servers.host(), port, security, HELPDESK, servers.password(HELPDESK), "INBOX",
                trustSelfSigned, Duration.ofSeconds(5), readTimeout);
    }
}
