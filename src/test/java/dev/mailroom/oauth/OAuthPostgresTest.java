package dev.mailroom.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.secrets.SecretBox;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

/** V15 and the OAuth repositories on PostgreSQL: configuration, tokens, failures, warnings, pending authorizations. */
@MailroomTest
@OnPostgres
class OAuthPostgresTest {

    @Autowired
    Api api;
    @Autowired
    SecretBox secrets;
    @Autowired
    OAuthClientRepository clients;
    @Autowired
    AuthorizationRequestRepository requests;

    @Test
    void roundTripOnPostgres() {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("name", "Relay on Postgres");
        server.put("host", "smtp.office365.com");
        server.put("authentication", "OAUTH2");
        server.put("username", "desk@example.com");
        server.put("fromAddress", "desk@example.com");
        server.put("replyToAddress", "desk@example.com");
        Api.Response created = api.admin().post("/api/outgoing-servers", server);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.get("id").asLong();
        OAuthServerRef ref = OAuthServerRef.outgoing(id);

        Map<String, Object> oauth = new LinkedHashMap<>();
        oauth.put("provider", "MICROSOFT_365");
        oauth.put("tenant", "contoso.onmicrosoft.com");
        oauth.put("clientId", "desk-app");
        oauth.put("clientSecret", "Pg-Secret-1");
        oauth.put("clientSecretExpiresOn", "2027-06-30");
        oauth.put("redirectUrl", "https://desk.example.com/oauth/callback");
        Api.Response saved = api.admin().put("/api/outgoing-servers/" + id + "/oauth", oauth);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.get("scope").asText()).isEqualTo("https://outlook.office.com/SMTP.Send offline_access");

        Instant expiresAt = Instant.now().plusSeconds(3600).truncatedTo(ChronoUnit.MICROS);
        clients.authorized(ref, new IssuedTokens("a1", expiresAt, "r1"), secrets.encrypt("a1"), secrets.encrypt("r1"), "admin");
        clients.refreshed(ref, new IssuedTokens("a2", expiresAt, null), secrets.encrypt("a2"), secrets.encrypt("r2"));
        clients.refreshFailed(ref, "invalid_grant (HTTP 400)", "the access token was revoked; re-authorize this server");
        clients.auditedWarnings(ref, List.of("first warning", "second warning"));

        OAuthClient stored = clients.find(ref).orElseThrow();
        assertThat(stored.settings().clientSecretExpiresOn()).isEqualTo(LocalDate.of(2027, 6, 30));
        assertThat(stored.settings().provider()).isEqualTo(OAuthPreset.MICROSOFT_365);
        assertThat(secrets.decrypt(stored.encryptedClientSecret())).isEqualTo("Pg-Secret-1");
        assertThat(secrets.decrypt(stored.tokens().encryptedAccessToken())).isEqualTo("a2");
        assertThat(secrets.decrypt(stored.tokens().encryptedRefreshToken())).isEqualTo("r2");
        assertThat(stored.tokens().accessTokenExpiresAt()).isEqualTo(expiresAt);
        assertThat(stored.tokens().reauthorizationNeeded()).isTrue();
        assertThat(stored.tokens().lastRefreshFailed()).isTrue();
        assertThat(stored.auditedWarnings()).containsExactly("first warning", "second warning");
        assertThat(api.admin().get("/api/oauth/servers").body().toString()).contains("re-authorization needed");

        Instant now = Instant.now();
        requests.insert("state-hash", ref, secrets.encrypt("verifier"), "admin", now, now.plusSeconds(900));
        assertThat(requests.take("state-hash")).hasValueSatisfying(pending -> {
            assertThat(pending.server()).isEqualTo(ref);
            assertThat(secrets.decrypt(pending.encryptedCodeVerifier())).isEqualTo("verifier");
        });
        assertThat(requests.take("state-hash")).as("a state is taken once").isEmpty();

        assertThat(api.admin().delete("/api/outgoing-servers/" + id + "/oauth").status()).isEqualTo(204);
        assertThat(clients.find(ref)).isEmpty();
    }
}
