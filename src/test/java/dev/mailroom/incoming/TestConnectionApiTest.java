package dev.mailroom.incoming;

import static dev.mailroom.incoming.IncomingServers.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.Api.Response;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/** Test Connection through the API, for saved and unsaved servers, against GreenMail on loopback. */
@MailroomTest
@ExtendWith(OutputCaptureExtension.class)
class TestConnectionApiTest {

    private static final String SERVERS = "/api/incoming-servers";
    private static final String USER = "desk@example.com";
    private static final String WRONG_PASSWORD = "Wrong-Guess-Pw-123";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()))
            .withConfiguration(GreenMailConfiguration.aConfig().withUser(USER, USER, PASSWORD))
            .withPerMethodLifecycle(false);

    @Autowired
    Api api;

    @Test
    void savedImapServerPassesEveryStep(CapturedOutput output) {
        long id = create("Saved IMAP", "saved-imap@example.com", imap());

        Response result = api.admin().post(SERVERS + "/" + id + "/test", null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.body().has("failedStep")).isFalse();
        assertThat(result.get("steps").findValuesAsString("step"))
                .containsExactly("DNS_LOOKUP", "TCP_CONNECT", "GREETING", "LOGIN", "OPEN_FOLDER");
        assertThat(result.get("steps").findValuesAsString("name"))
                .containsExactly("DNS lookup", "TCP connect", "Server greeting", "Login", "Open folder");
        assertThat(result.get("steps").findValuesAsString("status")).containsOnly("PASSED");
        for (JsonNode step : result.get("steps")) {
            assertThat(step.get("durationMs").asLong()).isNotNegative();
        }
        assertThat(result.get("steps").get(2).get("serverResponse").asString()).startsWith("* OK");
        assertNoSecrets(output, result);
    }

    @Test
    void savedServerWithTheWrongPasswordFailsAtLogin(CapturedOutput output) {
        long id = create("Wrong password", "wrong@example.com", IncomingServers.with(imap(), "password", WRONG_PASSWORD));

        Response result = api.admin().post(SERVERS + "/" + id + "/test", null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("failedStep").asString()).isEqualTo("LOGIN");
        assertThat(result.get("summary").asString()).startsWith("Failed at Login:");
        JsonNode login = result.get("steps").get(3);
        assertThat(login.get("status").asString()).isEqualTo("FAILED");
        assertThat(login.get("hint").asString()).contains("Check the username and password", "App Password or OAuth 2.0");
        assertThat(result.get("steps").get(4).get("status").asString()).isEqualTo("SKIPPED");
        assertThat(output.getAll()).as("the log is captured").contains("failed at Login");
        assertNoSecrets(output, result);
    }

    @Test
    void unsavedPop3ConfigurationIsTestedBeforeSaving(CapturedOutput output) {
        Map<String, Object> pop3 = IncomingServers.with(imap(), "protocol", "POP3", "port", greenMail.getPop3().getPort());

        Response result = api.admin().post(SERVERS + "/test", merge(body("Unsaved POP3", "unsaved@example.com"), pop3));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("success").asBoolean()).isTrue();
        assertThat(result.get("steps").get(2).get("serverResponse").asString()).startsWith("+OK");
        assertThat(api.admin().get(SERVERS).body().findValuesAsString("name")).doesNotContain("Unsaved POP3");
        assertNoSecrets(output, result);
    }

    @Test
    void unsavedConfigurationNeedsAPassword() {
        Response result = api.admin().post(SERVERS + "/test", merge(body("No password", "nopw@example.com"), imap(), "password", null));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.get("errors").findValuesAsString("field")).containsExactly("password");
    }

    @Test
    void editedFormOfASavedServerUsesTheStoredPassword(CapturedOutput output) {
        long id = create("Edited form", "edited@example.com", imap());

        Response result = api.admin().post(SERVERS + "/test",
                merge(body("Edited form", "edited@example.com"), imap(), "id", id, "password", null, "folder", "Nowhere"));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("failedStep").asString()).as("login passed with the stored password").isEqualTo("OPEN_FOLDER");
        assertThat(result.get("steps").get(4).get("hint").asString()).contains("The folder 'Nowhere' does not exist", "INBOX");
        assertNoSecrets(output, result);
    }

    @Test
    void storedPasswordIsNotTestedAgainstAnotherHost() {
        long id = create("Other host", "otherhost@example.com", imap());

        Response result = api.admin().post(SERVERS + "/test",
                merge(body("Other host", "otherhost@example.com"), imap(), "id", id, "password", null, "host", "localhost"));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.get("errors").get(0).get("message").asString()).contains("enter the password again");
    }

    @Test
    void unsavedConfigurationIsValidatedLikeACreate() {
        Response result = api.admin().post(SERVERS + "/test",
                merge(body("Bad combination", "bad@example.com"), imap(), "port", 993, "security", "NONE"));

        assertThat(result.status()).isEqualTo(400);
        assertThat(result.get("errors").get(0).get("message").asString())
                .isEqualTo("port 993 is IMAP over SSL/TLS; choose SSL/TLS, or port 143 with STARTTLS");
    }

    @Test
    void unknownHostIsReportedAtDnsLookup(CapturedOutput output) {
        Response result = api.admin().post(SERVERS + "/test",
                merge(body("Nowhere", "nowhere@example.com"), imap(), "host", "imap.example.invalid"));

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("failedStep").asString()).isEqualTo("DNS_LOOKUP");
        assertThat(result.get("steps").findValuesAsString("status")).containsExactly("FAILED", "SKIPPED", "SKIPPED", "SKIPPED", "SKIPPED");
        assertNoSecrets(output, result);
    }

    private long create(String name, String address, Map<String, Object> connection) {
        Response created = api.admin().post(SERVERS, merge(body(name, address), connection));
        assertThat(created.status()).isEqualTo(201);
        assertNoSecret(created);
        return created.get("id").asLong();
    }

    private static Map<String, Object> body(String name, String address) {
        return Map.of("name", name, "mailboxAddresses", List.of(address), "connectTimeoutSeconds", 2, "readTimeoutSeconds", 2);
    }

    private static Map<String, Object> merge(Map<String, Object> body, Map<String, Object> more, Object... keysAndValues) {
        Map<String, Object> merged = IncomingServers.with(body);
        merged.putAll(more);
        return IncomingServers.with(merged, keysAndValues);
    }

    private static Map<String, Object> imap() {
        return Map.of("protocol", "IMAP", "host", "127.0.0.1", "port", greenMail.getImap().getPort(), "security", "NONE",
                "username", USER, "password", PASSWORD);
    }

    private static void assertNoSecret(Response response) {
        assertThat(response.body().toString()).doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
    }

    private static void assertNoSecrets(CapturedOutput output, Response response) {
        assertNoSecret(response);
        assertThat(output.getAll()).doesNotContain(PASSWORD).doesNotContain(WRONG_PASSWORD);
    }
}
