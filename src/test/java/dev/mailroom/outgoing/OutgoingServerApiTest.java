package dev.mailroom.outgoing;

import static dev.mailroom.outgoing.OutgoingServers.PASSWORD;
import static dev.mailroom.outgoing.OutgoingServers.storedPassword;
import static dev.mailroom.outgoing.OutgoingServers.submission;
import static dev.mailroom.testing.JsonBodies.fieldError;
import static dev.mailroom.testing.JsonBodies.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.secrets.SecretBox;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.Api.Response;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

@MailroomTest
@ExtendWith(OutputCaptureExtension.class)
class OutgoingServerApiTest {

    private static final String SERVERS = "/api/outgoing-servers";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretBox secrets;

    /** The default-server rules need a desk without outgoing servers; other tests of this context may have added some. */
    @BeforeEach
    void noOutgoingServers() {
        jdbc.sql("delete from outgoing_server").update();
    }

    @Test
    void createAppliesDefaultsAndNeverShowsThePassword(CapturedOutput output) {
        Response created = api.admin().post(SERVERS, submission("Office 365"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.body();
        assertThat(body.get("id").asLong()).isPositive();
        assertThat(body.get("port").asInt()).isEqualTo(587);
        assertThat(body.get("security").asString()).isEqualTo("STARTTLS");
        assertThat(body.get("authentication").asString()).isEqualTo("PASSWORD");
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(body.get("defaultServer").asBoolean()).as("the first server becomes the default").isTrue();
        assertThat(body.get("maxAttachmentBytes").asLong()).isEqualTo(20L * 1024 * 1024);
        assertThat(body.get("trustSelfSignedCertificate").asBoolean()).isFalse();
        assertThat(body.get("connectTimeoutSeconds").asInt()).isEqualTo(10);
        assertThat(body.get("readTimeoutSeconds").asInt()).isEqualTo(60);
        assertThat(body.get("filterEntries").size()).isZero();
        assertThat(body.get("passwordSet").asBoolean()).isTrue();
        assertThat(body.get("ready").asBoolean()).isTrue();
        assertThat(body.has("notReadyReason")).isFalse();
        assertThat(body.has("password")).isFalse();
        String stored = storedPassword(jdbc, body.get("id").asLong());
        assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD);
        assertThat(secrets.decrypt(stored)).isEqualTo(PASSWORD);
        assertNoPassword(output, created);
    }

    @Test
    void getListUpdateAndDelete(CapturedOutput output) {
        long id = api.admin().post(SERVERS, submission("Lifecycle")).get("id").asLong();
        String storedBefore = storedPassword(jdbc, id);

        Response fetched = api.admin().get(SERVERS + "/" + id);
        Response listed = api.admin().get(SERVERS);
        Response updated = api.admin().put(SERVERS + "/" + id, with(submission("Lifecycle renamed"),
                "password", null,
                "port", 465,
                "security", "SSL_TLS",
                "fromName", "IT Help",
                "replyToAddress", "it-help@example.com",
                "enabled", false,
                "maxAttachmentBytes", 10_000_000,
                "filterEntries", List.of("noreply@example.org", "@spam.example"),
                "trustSelfSignedCertificate", true,
                "connectTimeoutSeconds", 5,
                "readTimeoutSeconds", 20));

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(listed.body().findValuesAsString("name")).containsExactly("Lifecycle");
        assertThat(updated.status()).isEqualTo(200);
        JsonNode body = updated.body();
        assertThat(body.get("name").asString()).isEqualTo("Lifecycle renamed");
        assertThat(body.get("port").asInt()).isEqualTo(465);
        assertThat(body.get("security").asString()).isEqualTo("SSL_TLS");
        assertThat(body.get("fromName").asString()).isEqualTo("IT Help");
        assertThat(body.get("replyToAddress").asString()).isEqualTo("it-help@example.com");
        assertThat(body.get("maxAttachmentBytes").asLong()).isEqualTo(10_000_000);
        assertThat(body.get("filterEntries").toString()).isEqualTo("[\"noreply@example.org\",\"spam.example\"]");
        assertThat(body.get("trustSelfSignedCertificate").asBoolean()).isTrue();
        assertThat(body.get("connectTimeoutSeconds").asInt()).isEqualTo(5);
        assertThat(body.get("readTimeoutSeconds").asInt()).isEqualTo(20);
        assertThat(body.get("defaultServer").asBoolean()).as("a missing defaultServer keeps the choice").isTrue();
        assertThat(body.get("ready").asBoolean()).isFalse();
        assertThat(body.get("notReadyReason").asString()).isEqualTo("the outgoing server 'Lifecycle renamed' is disabled");
        assertThat(storedPassword(jdbc, id)).as("an absent password keeps the stored one").isEqualTo(storedBefore);

        Response newPassword = api.admin().put(SERVERS + "/" + id, with(submission("Lifecycle renamed"), "password",
                "Another-Smtp-Secret"));
        assertThat(newPassword.status()).isEqualTo(200);
        assertThat(secrets.decrypt(storedPassword(jdbc, id))).isEqualTo("Another-Smtp-Secret");
        assertThat(newPassword.body().toString()).doesNotContain("Another-Smtp-Secret");

        assertThat(api.admin().delete(SERVERS + "/" + id).status()).isEqualTo(204);
        assertThat(api.admin().get(SERVERS + "/" + id).status()).isEqualTo(404);
        assertThat(output.getAll()).contains("it was the default, so there is no default outgoing server now")
                .doesNotContain("Another-Smtp-Secret");
        assertNoPassword(output, fetched, listed, updated, newPassword);
    }

    @Test
    void missingReplyToIsSavedButTheServerIsNotReady() {
        Response created = api.admin().post(SERVERS, with(submission("No reply-to"), "replyToAddress", null));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("ready").asBoolean()).isFalse();
        assertThat(created.get("notReadyReason").asString()).isEqualTo("the outgoing server 'No reply-to' has no Reply-To address");
    }

    @Test
    void oneServerIsTheDefault(CapturedOutput output) {
        long first = api.admin().post(SERVERS, submission("First")).get("id").asLong();
        long second = api.admin().post(SERVERS, submission("Second")).get("id").asLong();
        long third = api.admin().post(SERVERS, with(submission("Third"), "defaultServer", true)).get("id").asLong();

        assertThat(api.admin().get(SERVERS + "/" + first).get("defaultServer").asBoolean()).isFalse();
        assertThat(api.admin().get(SERVERS + "/" + second).get("defaultServer").asBoolean()).as("not the first").isFalse();
        assertThat(api.admin().get(SERVERS + "/" + third).get("defaultServer").asBoolean()).isTrue();
        assertThat(output.getAll()).contains("Outgoing server 'Third' is now the default instead of 'First'");

        api.admin().put(SERVERS + "/" + first, with(submission("First"), "defaultServer", true));
        assertThat(api.admin().get(SERVERS).body().findValues("defaultServer").stream().filter(JsonNode::asBoolean))
                .hasSize(1);
        assertThat(api.admin().get(SERVERS + "/" + first).get("defaultServer").asBoolean()).isTrue();

        api.admin().delete(SERVERS + "/" + first);
        assertThat(api.admin().get(SERVERS).body().findValues("defaultServer").stream().filter(JsonNode::asBoolean))
                .as("deleting the default leaves none").isEmpty();
        assertThat(output.getAll()).contains("Outgoing server 'First' deleted", "there is no default outgoing server now");
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        api.admin().post(SERVERS, submission("Relay"));

        Response duplicate = api.admin().post(SERVERS, submission("RELAY"));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.body().toString()).contains("An outgoing server named 'Relay' already exists");
    }

    @Test
    void requiredFieldsAndCrossFieldRulesAreNamed() {
        Response response = api.admin().post(SERVERS, Map.of("port", 465, "security", "STARTTLS",
                "authentication", "PASSWORD", "fromAddress", "not an address", "replyToAddress", "also@not@valid",
                "filterEntries", List.of("example.com", "EXAMPLE.com", "not valid")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fieldError(response, "name")).isNotBlank();
        assertThat(fieldError(response, "host")).isNotBlank();
        assertThat(fieldError(response, "username")).contains("is required when the server signs in with a password");
        assertThat(fieldError(response, "security")).isEqualTo("port 465 is SMTP over SSL/TLS; choose SSL/TLS, or port 587 with STARTTLS");
        assertThat(fieldError(response, "fromAddress")).isEqualTo("\"not an address\" is not an email address");
        assertThat(fieldError(response, "replyToAddress")).isEqualTo("\"also@not@valid\" is not an email address");
        assertThat(fieldError(response, "filterEntries[1]")).isEqualTo("is listed twice");
        assertThat(fieldError(response, "filterEntries[2]")).contains("must be an email address");
    }

    @Test
    void sslOnTheSubmissionPortCannotWork() {
        Response response = api.admin().post(SERVERS, with(submission("Wrong security"), "security", "SSL_TLS"));

        assertThat(fieldError(response, "security")).isEqualTo(
                "port 587 is SMTP with STARTTLS (or no security); choose STARTTLS, or port 465 with SSL/TLS");
    }

    @Test
    void passwordIsRequiredOnCreateOnlyWhenSigningIn() {
        Response withoutPassword = api.admin().post(SERVERS, with(submission("No password"), "password", null));
        Response relay = api.admin().post(SERVERS, with(submission("Open relay"), "authentication", "NONE",
                "username", null, "password", null, "port", 25));

        assertThat(withoutPassword.status()).isEqualTo(400);
        assertThat(fieldError(withoutPassword, "password")).contains("is required");
        assertThat(relay.status()).isEqualTo(201);
        assertThat(relay.get("passwordSet").asBoolean()).isFalse();
        assertThat(relay.get("ready").asBoolean()).isTrue();
    }

    @Test
    void storedPasswordIsNotSentToANewHost() {
        long id = api.admin().post(SERVERS, submission("Moving")).get("id").asLong();

        Response moved = api.admin().put(SERVERS + "/" + id, with(submission("Moving"), "host", "smtp.elsewhere.example",
                "password", null));

        assertThat(moved.status()).isEqualTo(400);
        assertThat(fieldError(moved, "password")).contains("the host changed from smtp.example.com");
    }

    @Test
    void wronglyShapedJsonNamesTheField() {
        Response response = api.admin().post(SERVERS, with(submission("Shape"), "security", "TLS1.3"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(fieldError(response, "security")).isEqualTo("must be one of [NONE, SSL_TLS, STARTTLS]");
    }

    @Test
    void onlyAdminsManageOutgoingServers() {
        assertThat(api.technician().get(SERVERS).status()).isEqualTo(403);
        assertThat(api.anonymous().get(SERVERS).status()).isEqualTo(401);
        assertThat(api.technician().post(SERVERS + "/test", submission("Tech")).status()).isEqualTo(403);
    }

    @Test
    void anIncomingServerChoosesItsOutgoingServer() {
        long outgoing = api.admin().post(SERVERS, submission("Mailbox sender")).get("id").asLong();
        Map<String, Object> incoming = Map.of("name", "Helpdesk box", "mailboxAddresses", List.of("helpdesk@example.com"),
                "protocol", "IMAP", "host", "imap.example.com", "security", "SSL_TLS", "username", "helpdesk@example.com",
                "password", "Imap-Pw-123", "outgoingServerId", outgoing);

        Response created = api.admin().post("/api/incoming-servers", incoming);
        Response unknown = api.admin().post("/api/incoming-servers", with(incoming, "name", "Other box",
                "mailboxAddresses", List.of("other@example.com"), "outgoingServerId", 999_999));
        long incomingId = created.get("id").asLong();
        Long storedChoice = jdbc.sql("select outgoing_server_id from incoming_server where id = :id").param("id", incomingId)
                .query(Long.class).single();
        Response toDefault = api.admin().put("/api/incoming-servers/" + incomingId, with(incoming, "outgoingServerId", null,
                "password", null));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.get("outgoingServerId").asLong()).isEqualTo(outgoing);
        assertThat(storedChoice).isEqualTo(outgoing);
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(fieldError(unknown, "outgoingServerId")).contains("Outgoing server 999999 does not exist");
        assertThat(toDefault.status()).isEqualTo(200);
        assertThat(toDefault.body().has("outgoingServerId")).as("null = the default server").isFalse();
        api.admin().delete("/api/incoming-servers/" + incomingId);
    }

    private static void assertNoPassword(CapturedOutput output, Response... responses) {
        for (Response response : responses) {
            assertThat(response.body().toString()).doesNotContain(PASSWORD);
        }
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }
}
