package dev.mailroom.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.secrets.SecretBox;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * The warnings before an OAuth 2.0 sign-in breaks, one per cause: a refresh token unused for 60 days, a last refresh
 * that failed, a Client Secret that expires within 14 days (or did). Each is audited once, shown on the server's OAuth
 * state, and mailed to the admins through the outbox when the default outgoing server can send.
 */
@MailroomTest
@TestPropertySource(properties = "mailroom.oauth.warning-recipients=admins@desk.test")
class OAuthWarningsTest {

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretBox secrets;
    @Autowired
    OAuthClientRepository clients;
    @Autowired
    OAuthWarningCheck check;

    @Test
    void eachCauseIsAuditedOnceShownOnTheServerAndMailedToTheAdmins() {
        long outgoingId = defaultOutgoingServer();
        long incomingId = incomingServer();
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        configure("/api/incoming-servers/" + incomingId + "/oauth", today.plusDays(5));
        OAuthServerRef mailbox = OAuthServerRef.incoming(incomingId);
        clients.authorized(mailbox, new IssuedTokens("access", Instant.now().plusSeconds(3600), "refresh"),
                secrets.encrypt("access"), secrets.encrypt("refresh"), "admin");
        jdbc.sql("update oauth_client set refresh_token_used_at = ?, last_refresh_at = ? "
                        + "where server_kind = 'INCOMING' and server_id = ?")
                .param(SqlTime.toSql(Instant.now().minus(Duration.ofDays(70))))
                .param(SqlTime.toSql(Instant.now().minus(Duration.ofHours(1)))).param(incomingId).update();
        clients.refreshFailed(mailbox, "the token endpoint https://login.example/token did not answer (Read timed out)", null);

        List<String> warned = check.check();

        assertThat(warned).hasSize(3);
        assertThat(audited(incomingId, "FETCH_WARNING")).hasSize(3)
                .anySatisfy(m -> assertThat(m).contains("the refresh token has not been used since").contains("(70 days)"))
                .anySatisfy(m -> assertThat(m).contains("the last refresh of the access token failed").contains("Read timed out"))
                .anySatisfy(m -> assertThat(m).contains("the Client Secret expires on " + today.plusDays(5)));
        JsonNode oauth = api.admin().get("/api/incoming-servers/" + incomingId + "/oauth").body();
        assertThat(oauth.get("warnings")).hasSize(3);
        assertThat(oauth.get("state").asText()).isEqualTo("AUTHORIZED");
        Map<String, Object> mail = jdbc.sql("select e.id, e.kind, e.subject, e.outgoing_server_id, r.address from outbox_email e "
                + "join outbox_recipient r on r.outbox_id = e.id where e.kind = 'ADMIN_WARNING'").query().singleRow();
        assertThat(mail.get("ADDRESS")).isEqualTo("admins@desk.test");
        assertThat(((Number) mail.get("OUTGOING_SERVER_ID")).longValue()).isEqualTo(outgoingId);
        assertThat((String) jdbc.sql("select body_text from outbox_email where kind = 'ADMIN_WARNING'").query(String.class)
                .single()).contains("has not been used since").contains("Client Secret expires on");

        assertThat(check.check()).as("the same warnings are not audited or mailed again").isEmpty();
        assertThat(audited(incomingId, "FETCH_WARNING")).hasSize(3);
        assertThat(jdbc.sql("select count(*) from outbox_email where kind = 'ADMIN_WARNING'").query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void anExpiredClientSecretOfAnOutgoingServerIsASendWarning() {
        long outgoingId = defaultOutgoingServer();
        configure("/api/outgoing-servers/" + outgoingId + "/oauth", LocalDate.now(ZoneOffset.UTC).minusDays(1));

        check.check();

        assertThat(audited(outgoingId, "SEND_WARNING")).singleElement().satisfies(m -> assertThat(m)
                .contains("the Client Secret expired on").contains("re-authorize this server"));
        assertThat(api.admin().get("/api/oauth/servers").body().toString()).contains("the Client Secret expired on");

        assertThat(api.admin().delete("/api/outgoing-servers/" + outgoingId).status()).isEqualTo(204);
        check.check();
        assertThat(clients.find(OAuthServerRef.outgoing(outgoingId))).as("a deleted server's secret goes with it").isEmpty();
    }

    private void configure(String path, LocalDate secretExpiresOn) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", "MICROSOFT_365");
        body.put("tenant", "contoso.onmicrosoft.com");
        body.put("clientId", "desk-app");
        body.put("clientSecret", "Secret-4-Warnings");
        body.put("clientSecretExpiresOn", secretExpiresOn.toString());
        body.put("redirectUrl", "https://desk.example.com/oauth/callback");
        Api.Response saved = api.admin().put(path, body);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.get("tokenUrl").asText())
                .isEqualTo("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token");
    }

    private long incomingServer() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Desk " + System.nanoTime());
        body.put("mailboxAddresses", List.of("desk" + System.nanoTime() + "@example.com"));
        body.put("protocol", "IMAP");
        body.put("host", "outlook.office365.com");
        body.put("port", 993);
        body.put("security", "SSL_TLS");
        body.put("username", "desk@example.com");
        body.put("password", "unused-with-oauth");
        Api.Response created = api.admin().post("/api/incoming-servers", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private long defaultOutgoingServer() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Relay " + System.nanoTime());
        body.put("host", "smtp.example.com");
        body.put("username", "desk@example.com");
        body.put("password", "relay-password");
        body.put("fromAddress", "desk@example.com");
        body.put("replyToAddress", "desk@example.com");
        body.put("defaultServer", true);
        Api.Response created = api.admin().post("/api/outgoing-servers", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private List<String> audited(long serverId, String status) {
        return jdbc.sql("select message from audit_entry where server_id = ? and status = ?")
                .param(serverId).param(status).query(String.class).list();
    }
}
