package dev.mailroom.outgoing;

import static dev.mailroom.testing.JsonBodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.Api.Response;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.SmtpGreenMail;
import tools.jackson.databind.JsonNode;

/** Test Connection of outgoing servers through the API, with a real test email, against GreenMail on loopback. */
@MailroomTest
@ExtendWith(OutputCaptureExtension.class)
class OutgoingTestConnectionApiTest {

    private static final String SERVERS = "/api/outgoing-servers";
    private static final String USER = "desk@example.com";
    private static final String PASSWORD = "Smtp-Api-s3cret-Pw";
    private static final String REQUESTER = "someone@example.org";

    @RegisterExtension
    static final GreenMailExtension greenMail = SmtpGreenMail.withUser(USER, PASSWORD);

    @Autowired
    Api api;

    @Test
    void savedServerSendsATestEmailWithOurHeadersAndAudit(CapturedOutput output) throws Exception {
        long id = api.admin().post(SERVERS, smtp("Saved GreenMail")).get("id").asLong();

        Response result = api.admin().post(SERVERS + "/" + id + "/test", Map.of("testRecipient", REQUESTER));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("success").asBoolean()).as(result.body().toString()).isTrue();
        assertThat(result.get("steps").findValuesAsString("step"))
                .containsExactly("DNS_LOOKUP", "TCP_CONNECT", "GREETING", "EHLO", "AUTH", "SEND_TEST_EMAIL");
        assertThat(result.get("steps").findValuesAsString("status")).containsOnly("PASSED");
        for (JsonNode step : result.get("steps")) {
            assertThat(step.get("durationMs").asLong()).isNotNegative();
        }
        assertThat(result.get("steps").get(4).get("replyCode").asInt()).isEqualTo(235);
        assertThat(result.get("steps").get(5).get("replyCode").asInt()).isEqualTo(250);

        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        MimeMessage received = lastReceivedBy(REQUESTER);
        assertThat(received.getHeader("X-Mailroom-Notification", null)).isEqualTo("TEST_EMAIL");
        assertThat(received.getHeader("Auto-Submitted", null)).isEqualTo("auto-generated");
        assertThat(received.getMessageID()).startsWith("<TEST.").endsWith("@mailroom.local>");
        assertThat(received.getHeader("Reply-To", null)).isEqualTo("help@example.com");
        assertThat(received.getSubject()).isEqualTo("Mailroom test email from the outgoing server 'Saved GreenMail'");

        JsonNode entry = api.admin().get("/api/audit?event=OUTGOING&recipient=" + REQUESTER).get("items").get(0);
        assertThat(entry.get("status").asString()).isEqualTo("SENT");
        assertThat(entry.get("serverName").asString()).isEqualTo("Saved GreenMail");
        assertThat(entry.get("serverId").asLong()).isEqualTo(id);
        assertThat(entry.get("messageId").asString()).isEqualTo(received.getMessageID());
        assertThat(entry.get("subject").asString()).isEqualTo(received.getSubject());
        assertThat(entry.get("recipients").asString()).isEqualTo(REQUESTER);
        assertNoSecrets(output, result);
    }

    @Test
    void wrongPasswordFailsAtAuthAndTheTestEmailIsAuditedAsFailed(CapturedOutput output) {
        String recipient = "wrongpw@example.org";
        Response result = api.admin().post(SERVERS + "/test", with(smtp("Unsaved wrong"), "password", "Wrong-Guess-Pw-9",
                "testRecipient", recipient));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("failedStep").asString()).isEqualTo("AUTH");
        JsonNode auth = result.get("steps").get(4);
        assertThat(auth.get("replyCode").asInt()).isEqualTo(535);
        assertThat(auth.get("hint").asString()).contains("App Password or OAuth 2.0");
        assertThat(result.get("steps").get(5).get("status").asString()).isEqualTo("SKIPPED");

        JsonNode entry = api.admin().get("/api/audit?event=OUTGOING&recipient=" + recipient).get("items").get(0);
        assertThat(entry.get("status").asString()).isEqualTo("SEND_FAILED");
        assertThat(entry.get("message").asString()).startsWith("Test email not sent: Test Connection failed at "
                + "Authentication (AUTH)").contains("535");
        assertThat(entry.has("serverId")).as("not saved").isFalse();
        assertThat(output.getAll()).doesNotContain("Wrong-Guess-Pw-9");
        assertThat(result.body().toString()).doesNotContain("Wrong-Guess-Pw-9");
    }

    @Test
    void unsavedSmtpsFormBorrowsTheStoredPasswordForTheSameHost(CapturedOutput output) {
        long id = api.admin().post(SERVERS, smtp("Borrowed")).get("id").asLong();
        Map<String, Object> smtps = with(smtp("Borrowed"), "id", id, "password", null,
                "port", greenMail.getSmtps().getPort(), "security", "SSL_TLS", "trustSelfSignedCertificate", true);

        Response result = api.admin().post(SERVERS + "/test", smtps);
        Response otherHost = api.admin().post(SERVERS + "/test", with(smtps, "host", "localhost"));

        assertThat(result.get("success").asBoolean()).as(result.body().toString()).isTrue();
        assertThat(result.get("steps").findValuesAsString("step"))
                .containsExactly("DNS_LOOKUP", "TCP_CONNECT", "TLS_HANDSHAKE", "GREETING", "EHLO", "AUTH");
        assertThat(otherHost.status()).isEqualTo(400);
        assertThat(otherHost.body().toString()).contains("the host changed from 127.0.0.1");
        assertNoSecrets(output, result);
    }

    @Test
    void unsavedFormWithoutPasswordOrIdIsRefused() {
        Response result = api.admin().post(SERVERS + "/test", with(smtp("No password"), "password", null));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.get("errors").findValuesAsString("field")).containsExactly("password");
    }

    @Test
    void testRecipientIsOptionalButMustBeAnAddress() {
        long id = api.admin().post(SERVERS, smtp("Recipient check")).get("id").asLong();

        Response withoutBody = api.admin().post(SERVERS + "/" + id + "/test", null);
        Response notAnAddress = api.admin().post(SERVERS + "/" + id + "/test", Map.of("testRecipient", "not-an-address"));

        assertThat(withoutBody.status()).isEqualTo(200);
        assertThat(withoutBody.get("success").asBoolean()).as(withoutBody.body().toString()).isTrue();
        assertThat(withoutBody.get("summary").asString()).isEqualTo("All steps passed: Mailroom can send through this server");
        assertThat(withoutBody.get("steps").findValuesAsString("step")).doesNotContain("SEND_TEST_EMAIL");
        assertThat(notAnAddress.status()).isEqualTo(400);
        assertThat(notAnAddress.get("errors").findValuesAsString("field")).containsExactly("testRecipient");
    }

    private static Map<String, Object> smtp(String name) {
        return with(OutgoingServers.submission(name), "host", "127.0.0.1", "port", greenMail.getSmtp().getPort(),
                "security", "NONE", "username", USER, "password", PASSWORD, "fromAddress", USER,
                "replyToAddress", "help@example.com");
    }

    private static MimeMessage lastReceivedBy(String recipient) throws Exception {
        MimeMessage found = null;
        for (MimeMessage message : greenMail.getReceivedMessages()) {
            if (message.getAllRecipients()[0].toString().equals(recipient)) {
                found = message;
            }
        }
        assertThat(found).as("a message to " + recipient).isNotNull();
        return found;
    }

    private static void assertNoSecrets(CapturedOutput output, Response result) {
        assertThat(result.body().toString()).doesNotContain(PASSWORD);
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }
}
