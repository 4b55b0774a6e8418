package dev.mailroom.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.connectiontest.ConnectionStep;
import dev.mailroom.connectiontest.ConnectionTestResult;
import dev.mailroom.connectiontest.SmtpConnectionTester;
import dev.mailroom.connectiontest.StepResult;
import dev.mailroom.connectiontest.StepStatus;
import dev.mailroom.testing.Api.Response;
import dev.mailroom.testing.Api;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.ServerTrust;
import dev.mailroom.transport.SmtpAuthentication;
import dev.mailroom.transport.SmtpConnection;
import tools.jackson.databind.JsonNode;

/**
 * Test Connection of outgoing servers against a real Postfix: submission on 587 with STARTTLS and AUTH (against
 * Dovecot's users), every step passing and the test email arriving in a Dovecot mailbox; SMTPS on 465; and the failures
 * an admin meets there: a wrong password, no security on a port that signs in only over TLS, STARTTLS on the SSL/TLS
 * port, and a self-signed certificate nobody vouched for.
 */
@AcceptanceTest
class OutgoingTestConnectionAcceptanceTest {

    private static final String TEST = "/api/outgoing-servers/test";
    private static final String SENDER = "helpdesk";
    private static final Pattern MESSAGE_ID = Pattern.compile("Message-ID (<[^>]+>)");

    @Autowired
    Api api;

    @Autowired
    SmtpConnectionTester tester;

    final AcceptanceServers servers = AcceptanceServers.get();
    final DovecotMailbox bob = DovecotMailbox.of("bob");

    @Test
    void submissionWithStartTlsAndAuthPassesEveryStepAndTheTestEmailArrives() throws Exception {
        String name = "Postfix submission " + UUID.randomUUID();
        Map<String, Object> body = server(name, "STARTTLS", servers.port("submission"), servers.password(SENDER));
        body.put("testRecipient", bob.address());

        Response result = api.admin().post(TEST, body);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("success").asBoolean()).as(result.body().toString()).isTrue();
        assertThat(result.get("steps").findValuesAsString("step")).containsExactly("DNS_LOOKUP", "TCP_CONNECT",
                "GREETING", "EHLO", "STARTTLS", "EHLO_AFTER_STARTTLS", "AUTH", "SEND_TEST_EMAIL");
        assertThat(result.get("steps").findValuesAsString("status")).containsOnly("PASSED");
        assertThat(step(result, "GREETING").get("serverResponse").asString()).as("Postfix's own greeting")
                .startsWith("220").contains("ESMTP");
        assertThat(step(result, "EHLO").get("serverResponse").asString()).as("no AUTH before TLS on 587")
                .contains("STARTTLS").doesNotContain("AUTH");
        assertThat(step(result, "EHLO_AFTER_STARTTLS").get("serverResponse").asString()).contains("AUTH");
        assertThat(step(result, "AUTH").get("replyCode").asInt()).isEqualTo(235);
        assertThat(step(result, "SEND_TEST_EMAIL").get("replyCode").asInt()).isEqualTo(250);
        assertThat(result.get("summary").asString()).isEqualTo("All steps passed: the test email was sent to "
                + bob.address());

        String detail = step(result, "SEND_TEST_EMAIL").get("detail").asString();
        Matcher id = MESSAGE_ID.matcher(detail);
        assertThat(id.find()).as(detail).isTrue();
        MimeMessage received = bob.awaitOne("Message-ID", id.group(1), Duration.ofSeconds(30));
        assertThat(received.getMessageID()).isEqualTo(id.group(1));
        assertThat(received.getSubject()).isEqualTo("Mailroom test email from the outgoing server '" + name + "'");
        assertThat(received.getHeader("X-Mailroom-Notification", null)).isEqualTo("TEST_EMAIL");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(((InternetAddress) received.getFrom()[0]).getAddress()).isEqualTo(servers.address(SENDER));
        assertThat(((InternetAddress) received.getReplyTo()[0]).getAddress()).isEqualTo(servers.address(SENDER));
        assertThat(received.getHeader("Received", ",")).as("it went through Postfix over TLS, signed in")
                .contains("mail.example.test", "ESMTPSA");

        JsonNode entry = api.admin().get("/api/audit?event=OUTGOING&recipient=" + bob.address()).get("items")
                .valueStream().filter(e -> id.group(1).equals(e.get("messageId").asString())).findFirst().orElseThrow();
        assertThat(entry.get("status").asString()).isEqualTo("SENT");
        assertThat(result.body().toString()).doesNotContain(servers.password(SENDER));
    }

    @Test
    void smtpsOn465PassesEveryStep() {
        Response result = api.admin().post(TEST, server("Postfix SMTPS", "SSL_TLS", servers.port("smtps"),
                servers.password(SENDER)));

        assertThat(result.get("success").asBoolean()).as(result.body().toString()).isTrue();
        assertThat(result.get("steps").findValuesAsString("step"))
                .containsExactly("DNS_LOOKUP", "TCP_CONNECT", "TLS_HANDSHAKE", "GREETING", "EHLO", "AUTH");
        assertThat(result.get("steps").findValuesAsString("status")).containsOnly("PASSED");
        assertThat(step(result, "TLS_HANDSHAKE").get("detail").asString()).contains("TLSv1.", "CN=localhost");
        assertThat(step(result, "GREETING").get("detail").asString()).isEqualTo("The server greeted over TLS");
        assertThat(step(result, "AUTH").get("replyCode").asInt()).isEqualTo(235);
    }

    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"STARTTLS, submission", "SSL_TLS, smtps"})
    void wrongPasswordFailsAtAuthWith535AndTheAppPasswordHint(String security, String service) {
        Response result = api.admin().post(TEST, server("Postfix wrong password", security, servers.port(service),
                "Not-The-Password-8"));

        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("failedStep").asString()).isEqualTo("AUTH");
        JsonNode auth = step(result, "AUTH");
        assertThat(auth.get("replyCode").asInt()).isEqualTo(535);
        assertThat(auth.get("serverResponse").asString()).startsWith("535");
        assertThat(auth.get("detail").asString()).isEqualTo("The server refused the sign-in of helpdesk (AUTH PLAIN)");
        assertThat(auth.get("hint").asString()).contains("the login failed",
                "for Gmail and Microsoft 365, use an App Password or OAuth 2.0 instead of the regular account password");
        assertThat(result.body().toString()).doesNotContain("Not-The-Password-8");
    }

    /** Postfix offers AUTH on 587 only after STARTTLS (smtpd_tls_auth_only), as most providers do. */
    @Test
    void noSecurityOnSubmissionFailsAtAuthSayingToUseStartTls() {
        Response result = api.admin().post(TEST, server("Postfix no TLS", "NONE", servers.port("submission"),
                servers.password(SENDER)));

        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("failedStep").asString()).isEqualTo("AUTH");
        JsonNode auth = step(result, "AUTH");
        assertThat(auth.get("detail").asString()).isEqualTo("The server offers no sign-in (AUTH)");
        assertThat(auth.get("serverResponse").asString()).contains("STARTTLS");
        assertThat(auth.get("hint").asString()).contains("no sign-in (AUTH) on an unencrypted connection",
                "Choose STARTTLS with port 587");
        assertThat(step(result, "GREETING").get("detail").asString()).contains("unencrypted");
    }

    /** Without a sign-in, the test email is where Postfix says no: it takes no mail before STARTTLS on 587. */
    @Test
    void noSecurityAndNoSignInOnSubmissionFailsAtTheTestEmail() {
        Map<String, Object> body = server("Postfix no TLS no AUTH", "NONE", servers.port("submission"), null);
        body.put("authentication", "NONE");
        body.remove("username");
        body.remove("password");
        body.put("testRecipient", bob.address());

        Response result = api.admin().post(TEST, body);

        assertThat(result.get("success").asBoolean()).as(result.body().toString()).isFalse();
        assertThat(result.get("failedStep").asString()).isEqualTo("SEND_TEST_EMAIL");
        JsonNode send = step(result, "SEND_TEST_EMAIL");
        assertThat(send.get("replyCode").asInt()).isEqualTo(530);
        assertThat(send.get("serverResponse").asString()).contains("STARTTLS");
        assertThat(send.get("detail").asString()).startsWith("The server refused the from address at MAIL FROM");
        // Postfix's answer names the cure, and so does the hint: encryption first, not merely a sign-in.
        assertThat(send.get("hint").asString()).contains("encrypted connection", "STARTTLS with port 587");
    }

    /** The API refuses STARTTLS on 465, so the tester is asked directly, as it would be for a server on another port. */
    @Test
    void startTlsOnTheSmtpsPortFailsClearly() {
        ConnectionTestResult result = tester.test(connection(MailSecurity.STARTTLS, servers.port("smtps"), false,
                Duration.ofSeconds(2)), null);

        assertThat(result.success()).isFalse();
        assertThat(result.failedStep()).isEqualTo(ConnectionStep.GREETING);
        StepResult greeting = step(result, ConnectionStep.GREETING);
        assertThat(greeting.detail()).isEqualTo("The server sent no greeting within 2 s");
        assertThat(greeting.hint()).contains("waiting for a TLS handshake", "port 465 expects SSL/TLS",
                "Choose SSL/TLS");
        assertThat(result.steps()).filteredOn(s -> s.step() == ConnectionStep.AUTH).extracting(StepResult::status)
                .containsExactly(StepStatus.SKIPPED);
    }

    /** Without the explicit trust of the tests, the JVM's trust store decides: a self-signed certificate is refused. */
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource({"SSL_TLS, smtps, TLS_HANDSHAKE", "STARTTLS, submission, STARTTLS"})
    void selfSignedCertificateIsRejectedByDefault(MailSecurity security, String service, ConnectionStep failing) {
        SmtpConnectionTester byDefault = new SmtpConnectionTester(new ServerTrust(), null);

        ConnectionTestResult result = byDefault.test(connection(security, servers.port(service), false,
                Duration.ofSeconds(10)), null);

        assertThat(result.success()).isFalse();
        assertThat(result.failedStep()).isEqualTo(failing);
        StepResult step = step(result, failing);
        assertThat(step.hint()).contains("CN=localhost", "is not trusted", "self-signed",
                "turn on 'Trust self-signed certificate'");
        assertThat(step(result, ConnectionStep.AUTH).status()).isEqualTo(StepStatus.SKIPPED);

        ConnectionTestResult trustedByChoice = byDefault.test(connection(security, servers.port(service), true,
                Duration.ofSeconds(10)), null);
        assertThat(trustedByChoice.success()).as(trustedByChoice.summary()).isTrue();
    }

    private Map<String, Object> server(String name, String security, int port, String password) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("host", servers.host());
        body.put("port", port);
        body.put("security", security);
        body.put("authentication", "PASSWORD");
        body.put("username", SENDER);
        body.put("password", password);
        body.put("fromAddress", servers.address(SENDER));
        body.put("fromName", "IT Service Desk");
        body.put("replyToAddress", servers.address(SENDER));
        body.put("connectTimeoutSeconds", 5);
        body.put("readTimeoutSeconds", 20);
        return body;
    }

    private SmtpConnection connection(MailSecurity security, int port, boolean trustSelfSigned, Duration readTimeout) {
        return new SmtpConnection(servers.host(), port, security, SmtpAuthentication.PASSWORD, SENDER,
                servers.password(SENDER), trustSelfSigned, Duration.ofSeconds(5), readTimeout);
    }

    private static JsonNode step(Response result, String step) {
        for (JsonNode node : result.get("steps")) {
            if (node.get("step").asString().equals(step)) {
                return node;
            }
        }
        throw new AssertionError("no step " + step + " in " + result.body());
    }

    private static StepResult step(ConnectionTestResult result, ConnectionStep step) {
        return result.steps().stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }
}
