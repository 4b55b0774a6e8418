package dev.mailroom.incoming;

import static dev.mailroom.incoming.IncomingServers.PASSWORD;
import static dev.mailroom.incoming.IncomingServers.imaps;
import static dev.mailroom.incoming.IncomingServers.storedPassword;
import static dev.mailroom.incoming.IncomingServers.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.secrets.SecretBox;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.JsonBodies;
import dev.mailroom.testing.Api.Response;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

@MailroomTest
@ExtendWith(OutputCaptureExtension.class)
class IncomingServerApiTest {

    private static final String SERVERS = "/api/incoming-servers";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SecretBox secrets;

    @Test
    void createAppliesDefaultsAndNeverShowsThePassword(CapturedOutput output) {
        Response created = api.admin().post(SERVERS, imaps("Service Desk", "Help@Example.com"));

        assertThat(created.status()).isEqualTo(201);
        JsonNode body = created.body();
        assertThat(body.get("id").asLong()).isPositive();
        assertThat(body.get("name").asString()).isEqualTo("Service Desk");
        assertThat(body.get("mailboxAddresses").get(0).asString()).isEqualTo("Help@Example.com");
        assertThat(body.get("folder").asString()).isEqualTo("INBOX");
        assertThat(body.get("pollIntervalSeconds").asInt()).isEqualTo(60);
        assertThat(body.get("enabled").asBoolean()).isTrue();
        assertThat(body.get("afterProcessing").asString()).isEqualTo("MARK_SEEN");
        assertThat(body.get("maxMessageSizeBytes").asLong()).isEqualTo(50L * 1024 * 1024);
        assertThat(body.get("ccTicketCreation").asBoolean()).isFalse();
        assertThat(body.get("bccTicketCreation").asBoolean()).isFalse();
        assertThat(body.get("filterType").asString()).isEqualTo("IGNORE");
        assertThat(body.get("trustSelfSignedCertificate").asBoolean()).isFalse();
        assertThat(body.get("connectTimeoutSeconds").asInt()).isEqualTo(10);
        assertThat(body.get("readTimeoutSeconds").asInt()).isEqualTo(30);
        assertThat(body.get("passwordSet").asBoolean()).isTrue();
        assertThat(body.has("password")).isFalse();
        assertNoPassword(output, created);
    }

    @Test
    void passwordIsStoredEncrypted() {
        long id = api.admin().post(SERVERS, imaps("Encrypted", "encrypted@example.com")).get("id").asLong();

        String stored = storedPassword(jdbc, id);

        assertThat(stored).startsWith("v1:").doesNotContain(PASSWORD);
        assertThat(secrets.decrypt(stored)).isEqualTo(PASSWORD);
    }

    @Test
    void getListUpdateAndDelete(CapturedOutput output) {
        long groupId = IncomingServers.lookup(jdbc, "technician_group", "Network Team");
        long categoryId = IncomingServers.lookup(jdbc, "category", "Hardware");
        Response created = api.admin().post(SERVERS, imaps("Lifecycle", "lifecycle@example.com"));
        long id = created.get("id").asLong();
        String storedBefore = storedPassword(jdbc, id);

        Response fetched = api.admin().get(SERVERS + "/" + id);
        Response listed = api.admin().get(SERVERS);
        Response updated = api.admin().put(SERVERS + "/" + id, with(imaps("Lifecycle renamed", "lifecycle@example.com"),
                "password", null,
                "mailboxAddresses", List.of("lifecycle@example.com", "it@example.com"),
                "folder", "Support",
                "afterProcessing", "MOVE",
                "moveToFolder", "Support/Done",
                "pollIntervalSeconds", 300,
                "enabled", false,
                "requestIdPrefixes", List.of("INC-", "REQ-"),
                "ccTicketCreation", true,
                "filterType", "ALLOW",
                "filterEntries", List.of("boss@example.org", "@example.net"),
                "technicianGroupId", groupId,
                "categoryId", categoryId,
                "trustSelfSignedCertificate", true,
                "maxMessageSizeBytes", 10_000_000,
                "connectTimeoutSeconds", 5,
                "readTimeoutSeconds", 20));

        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());
        assertThat(listed.body().findValuesAsString("name")).contains("Lifecycle");
        assertThat(updated.status()).isEqualTo(200);
        JsonNode body = updated.body();
        assertThat(body.get("name").asString()).isEqualTo("Lifecycle renamed");
        assertThat(body.get("mailboxAddresses").toString()).isEqualTo("[\"lifecycle@example.com\",\"it@example.com\"]");
        assertThat(body.get("folder").asString()).isEqualTo("Support");
        assertThat(body.get("afterProcessing").asString()).isEqualTo("MOVE");
        assertThat(body.get("moveToFolder").asString()).isEqualTo("Support/Done");
        assertThat(body.get("pollIntervalSeconds").asInt()).isEqualTo(300);
        assertThat(body.get("enabled").asBoolean()).isFalse();
        assertThat(body.get("requestIdPrefixes").toString()).isEqualTo("[\"INC-\",\"REQ-\"]");
        assertThat(body.get("ccTicketCreation").asBoolean()).isTrue();
        assertThat(body.get("filterType").asString()).isEqualTo("ALLOW");
        assertThat(body.get("filterEntries").toString()).isEqualTo("[\"boss@example.org\",\"example.net\"]");
        assertThat(body.get("technicianGroupId").asLong()).isEqualTo(groupId);
        assertThat(body.get("categoryId").asLong()).isEqualTo(categoryId);
        assertThat(body.get("trustSelfSignedCertificate").asBoolean()).isTrue();
        assertThat(body.get("maxMessageSizeBytes").asLong()).isEqualTo(10_000_000);
        assertThat(body.get("connectTimeoutSeconds").asInt()).isEqualTo(5);
        assertThat(body.get("readTimeoutSeconds").asInt()).isEqualTo(20);
        assertThat(body.get("passwordSet").asBoolean()).isTrue();
        assertThat(storedPassword(jdbc, id)).as("an absent password keeps the stored one").isEqualTo(storedBefore);

        Response newPassword = api.admin().put(SERVERS + "/" + id, with(imaps("Lifecycle renamed", "lifecycle@example.com"),
                "password", "Another-Secret-Pw"));
        assertThat(newPassword.status()).isEqualTo(200);
        assertThat(secrets.decrypt(storedPassword(jdbc, id))).isEqualTo("Another-Secret-Pw");
        assertThat(newPassword.body().toString()).doesNotContain("Another-Secret-Pw");
        assertThat(output.getAll()).doesNotContain("Another-Secret-Pw");

        assertThat(api.admin().delete(SERVERS + "/" + id).status()).isEqualTo(204);
        assertThat(api.admin().get(SERVERS + "/" + id).status()).isEqualTo(404);
        assertNoPassword(output, created, fetched, listed, updated, newPassword);
    }

    @Test
    void emptyPasswordOnUpdateKeepsTheStoredOne() {
        long id = api.admin().post(SERVERS, imaps("Keep password", "keep@example.com")).get("id").asLong();
        String before = storedPassword(jdbc, id);

        Response updated = api.admin().put(SERVERS + "/" + id, with(imaps("Keep password", "keep@example.com"), "password", ""));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(storedPassword(jdbc, id)).isEqualTo(before);
    }

    @Test
    void storedPasswordIsNotSentToANewHost() {
        long id = api.admin().post(SERVERS, imaps("Moving host", "moving@example.com")).get("id").asLong();

        Response moved = api.admin().put(SERVERS + "/" + id,
                with(imaps("Moving host", "moving@example.com"), "password", null, "host", "imap.attacker.example"));

        assertProblem(moved, 400, "password", "enter the password again");
        Response withPassword = api.admin().put(SERVERS + "/" + id,
                with(imaps("Moving host", "moving@example.com"), "host", "imap2.example.com"));
        assertThat(withPassword.status()).isEqualTo(200);
    }

    @Test
    void onlyAdminsManageIncomingServers() {
        assertThat(api.technician().get(SERVERS).status()).isEqualTo(403);
        assertThat(api.technician().post(SERVERS, imaps("Tech", "tech@example.com")).status()).isEqualTo(403);
        assertThat(api.technician().post(SERVERS + "/test", imaps("Tech", "tech@example.com")).status()).isEqualTo(403);
        assertThat(api.technician().delete(SERVERS + "/1").status()).isEqualTo(403);
        assertThat(api.anonymous().get(SERVERS).status()).isEqualTo(401);
    }

    @Test
    void unknownServerIsNotFound() {
        assertThat(api.admin().get(SERVERS + "/987654").status()).isEqualTo(404);
        assertThat(api.admin().put(SERVERS + "/987654", imaps("Nobody", "nobody@example.com")).status()).isEqualTo(404);
        assertThat(api.admin().delete(SERVERS + "/987654").status()).isEqualTo(404);
        assertThat(api.admin().post(SERVERS + "/987654/test", null).status()).isEqualTo(404);
    }

    @Test
    void requiredFieldsAreNamed() {
        Response response = api.admin().post(SERVERS, Map.of());

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.get("errors").findValuesAsString("field"))
                .contains("name", "mailboxAddresses", "protocol", "host", "security", "username");
    }

    @Test
    void passwordIsRequiredOnCreate() {
        assertProblem(api.admin().post(SERVERS, with(imaps("No password", "nopw@example.com"), "password", null)),
                400, "password", "is required");
    }

    @Test
    void portMustBeAPortNumber() {
        assertProblem(api.admin().post(SERVERS, with(imaps("Port 0", "p0@example.com"), "port", 0)), 400, "port", "1");
        assertProblem(api.admin().post(SERVERS, with(imaps("Port big", "pb@example.com"), "port", 70000)), 400, "port", "65535");
        assertProblem(api.admin().post(SERVERS, with(imaps("Port text", "pt@example.com"), "port", "imaps")), 400, "port",
                "must be a number");
    }

    @Test
    void securityThatCannotWorkOnAWellKnownPortNamesTheRightCombination() {
        assertProblem(api.admin().post(SERVERS, pop3("POP3 STARTTLS on 995", 995, "STARTTLS")), 400, "security",
                "port 995 is POP3 over SSL/TLS; choose SSL/TLS, or port 110 with STARTTLS");
        assertProblem(api.admin().post(SERVERS, pop3("POP3 plain on 995", 995, "NONE")), 400, "security",
                "port 995 is POP3 over SSL/TLS; choose SSL/TLS, or port 110 with STARTTLS");
        assertProblem(api.admin().post(SERVERS, pop3("POP3S on 110", 110, "SSL_TLS")), 400, "security",
                "port 110 is POP3 with STARTTLS (or no security); choose STARTTLS, or port 995 with SSL/TLS");
        assertProblem(api.admin().post(SERVERS, with(imaps("IMAP STARTTLS on 993", "s1@example.com"), "security", "STARTTLS")),
                400, "security", "port 993 is IMAP over SSL/TLS; choose SSL/TLS, or port 143 with STARTTLS");
        assertProblem(api.admin().post(SERVERS, with(imaps("IMAPS on 143", "s2@example.com"), "port", 143)), 400, "security",
                "port 143 is IMAP with STARTTLS (or no security); choose STARTTLS, or port 993 with SSL/TLS");
        assertProblem(api.admin().post(SERVERS, pop3("POP3 on IMAPS port", 993, "SSL_TLS")), 400, "security",
                "port 993 is IMAP over SSL/TLS, not POP3; POP3 uses port 110 with STARTTLS and port 995 with SSL/TLS");
    }

    @Test
    void portDefaultsToTheProtocolsPortForTheSecurityType() {
        Response imap = api.admin().post(SERVERS, with(imaps("Default IMAP port", "d1@example.com"), "port", null, "security", "STARTTLS"));
        Response pop3 = api.admin().post(SERVERS, with(pop3("Default POP3S port", 995, "SSL_TLS"), "port", null));

        assertThat(imap.get("port").asInt()).isEqualTo(143);
        assertThat(pop3.get("port").asInt()).isEqualTo(995);
        assertThat(pop3.get("afterProcessing").asString()).isEqualTo("DELETE");
    }

    @Test
    void unusualPortsAreAccepted() {
        assertThat(api.admin().post(SERVERS, with(imaps("Custom port", "custom@example.com"), "port", 10993)).status()).isEqualTo(201);
    }

    @Test
    void afterProcessingMustSuitTheProtocol() {
        assertProblem(api.admin().post(SERVERS, with(imaps("IMAP keep", "k@example.com"), "afterProcessing", "KEEP")), 400,
                "afterProcessing", "KEEP is for POP3");
        assertProblem(api.admin().post(SERVERS, with(pop3("POP3 move", 995, "SSL_TLS"), "afterProcessing", "MOVE",
                "moveToFolder", "Done")), 400, "afterProcessing", "POP3 has no folders or seen flags");
        assertProblem(api.admin().post(SERVERS, with(pop3("POP3 seen", 995, "SSL_TLS"), "afterProcessing", "MARK_SEEN")), 400,
                "afterProcessing", "choose DELETE, or KEEP");
        assertThat(api.admin().post(SERVERS, with(pop3("POP3 keep", 995, "SSL_TLS"), "afterProcessing", "KEEP")).status())
                .isEqualTo(201);
    }

    @Test
    void moveNeedsAnotherFolderToMoveTo() {
        assertProblem(api.admin().post(SERVERS, with(imaps("Move nowhere", "m1@example.com"), "afterProcessing", "MOVE")), 400,
                "moveToFolder", "is required when fetched messages are moved");
        assertProblem(api.admin().post(SERVERS, with(imaps("Move in place", "m2@example.com"), "afterProcessing", "MOVE",
                "moveToFolder", "inbox")), 400, "moveToFolder", "must differ from the fetched folder");
    }

    @Test
    void pop3HasOnlyInbox() {
        assertProblem(api.admin().post(SERVERS, with(pop3("POP3 folder", 995, "SSL_TLS"), "folder", "Archive")), 400, "folder",
                "POP3 mailboxes have only INBOX");
    }

    @Test
    void listEntriesAreCheckedOneByOne() {
        Response response = api.admin().post(SERVERS, with(imaps("Lists", "lists@example.com"),
                "mailboxAddresses", List.of("lists@example.com", "not an address", "LISTS@example.com"),
                "requestIdPrefixes", List.of("INC-", "", "RE Q-", "inc-"),
                "filterEntries", List.of("someone@example.org", "example..org", "@example.net", "not a domain")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder(
                "mailboxAddresses[1]", "mailboxAddresses[2]",
                "requestIdPrefixes[1]", "requestIdPrefixes[2]", "requestIdPrefixes[3]",
                "filterEntries[1]", "filterEntries[3]");
        assertThat(message(response, "mailboxAddresses[1]")).isEqualTo("\"not an address\" is not an email address");
        assertThat(message(response, "mailboxAddresses[2]")).isEqualTo("is listed twice");
        assertThat(message(response, "requestIdPrefixes[1]")).isEqualTo("must not be empty");
        assertThat(message(response, "requestIdPrefixes[2]")).contains("without spaces");
        assertThat(message(response, "filterEntries[1]")).contains("an email address (someone@example.com) or a domain (example.com)");
    }

    @Test
    void anEmptyAllowListWouldIgnoreEveryone() {
        assertProblem(api.admin().post(SERVERS, with(imaps("Allow none", "allow@example.com"), "filterType", "ALLOW")), 400,
                "filterEntries", "an Allow filter needs at least one address or domain");
    }

    @Test
    void pollIntervalHasAMinimum() {
        assertProblem(api.admin().post(SERVERS, with(imaps("Fast poll", "fast@example.com"), "pollIntervalSeconds", 5)), 400,
                "pollIntervalSeconds", "10");
    }

    @Test
    void defaultGroupAndCategoryMustExist() {
        Response response = api.admin().post(SERVERS, with(imaps("Lookups", "lookups@example.com"),
                "technicianGroupId", 424242, "categoryId", 434343));

        assertThat(response.status()).isEqualTo(400);
        assertThat(message(response, "technicianGroupId")).isEqualTo("Technician group 424242 does not exist");
        assertThat(message(response, "categoryId")).isEqualTo("Category 434343 does not exist");
    }

    @Test
    void hostIsANameNotAnAddress() {
        assertProblem(api.admin().post(SERVERS, with(imaps("Scheme", "h1@example.com"), "host", "imaps://imap.example.com")),
                400, "host", "without a scheme");
        assertProblem(api.admin().post(SERVERS, with(imaps("Host port", "h2@example.com"), "host", "imap.example.com:993")),
                400, "host", "port field");
    }

    @Test
    void unknownProtocolNamesTheChoices(CapturedOutput output) {
        Response response = api.admin().post(SERVERS, with(imaps("SMTP", "smtp@example.com"), "protocol", "SMTP"));

        assertProblem(response, 400, "protocol", "must be one of [IMAP, POP3, GRAPH]");
        assertNoPassword(output, response);
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        api.admin().post(SERVERS, imaps("Unique Name", "unique1@example.com"));

        assertProblem(api.admin().post(SERVERS, imaps("unique name", "unique2@example.com")), 409, "name", "already exists");
    }

    @Test
    void aMailboxAddressBelongsToOneServer() {
        api.admin().post(SERVERS, imaps("First owner", "shared@example.com"));

        assertProblem(api.admin().post(SERVERS, imaps("Second owner", "Shared@Example.com")), 409, "mailboxAddresses",
                "Shared@Example.com is already served by the incoming server 'First owner'");
    }

    @Test
    void aServerMayKeepItsOwnNameAndAddressesOnUpdate() {
        long id = api.admin().post(SERVERS, imaps("Same again", "same@example.com")).get("id").asLong();

        assertThat(api.admin().put(SERVERS + "/" + id, imaps("SAME AGAIN", "same@example.com")).status()).isEqualTo(200);
    }

    @Test
    void invalidPasswordLengthIsReportedWithoutTheValue(CapturedOutput output) {
        String longPassword = "Zq".repeat(600);

        Response response = api.admin().post(SERVERS, with(imaps("Long password", "long@example.com"), "password", longPassword));

        assertProblem(response, 400, "password", "at most 1000 characters");
        assertThat(response.body().toString()).doesNotContain(longPassword);
        assertThat(output.getAll()).doesNotContain(longPassword);
    }

    private static Map<String, Object> pop3(String name, int port, String security) {
        String address = name.toLowerCase().replaceAll("[^a-z0-9]", "") + "@example.com";
        return with(imaps(name, address), "protocol", "POP3", "port", port, "security", security);
    }

    private static void assertProblem(Response response, int status, String field, String message) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
        assertThat(response.get("errors").findValuesAsString("field")).contains(field);
        assertThat(message(response, field)).contains(message);
    }

    private static String message(Response response, String field) {
        return JsonBodies.fieldError(response, field);
    }

    private static void assertNoPassword(CapturedOutput output, Response... responses) {
        for (Response response : responses) {
            assertThat(response.body().toString()).doesNotContain(PASSWORD);
        }
        assertThat(output.getAll()).doesNotContain(PASSWORD);
    }
}
