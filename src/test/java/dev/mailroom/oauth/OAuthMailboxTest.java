package dev.mailroom.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.incoming.fetch.MailboxDirectory;
import dev.mailroom.incoming.fetch.MailboxPoller;
import dev.mailroom.incoming.fetch.PollResult;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.secrets.SecretBox;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * Mailboxes that sign in with OAuth 2.0, against a real authorization server (mock-oauth2-server) and GreenMail,
 * which accepts XOAUTH2 and checks the token as the user's password: the code flow from the API to the callback, IMAP
 * and POP3 with the token, renewal before expiry and after a refusal, a revoked token made visible, and a silent
 * token endpoint bounded by its timeout.
 */
@MailroomTest
@TestPropertySource(properties = "mailroom.oauth.read-timeout=2s")
class OAuthMailboxTest {

    private static final String IMAP_SCOPE = "https://outlook.office.com/IMAP.AccessAsUser.All offline_access";

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()));

    static final OAuthProvider provider = new OAuthProvider();

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    SecretBox secrets;
    @Autowired
    OAuthTokens tokens;
    @Autowired
    MailboxPoller poller;
    @Autowired
    MailboxDirectory directory;
    @Autowired
    OAuthClientRepository clients;

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void codeFlowFromTheApiToTheCallbackStoresEncryptedTokensAndImapFetchesWithXoauth2() throws Exception {
        GreenMailUser user = mailbox();
        long id = server(user, "IMAP");
        assertThat(api.admin().put(oauthPath(id), provider.configuration(api.baseUrl(), IMAP_SCOPE)).status()).isEqualTo(200);
        provider.requests();

        Api.Response started = api.admin().post(oauthPath(id) + "/authorize", Map.of());
        assertThat(started.status()).isEqualTo(200);
        String authorizationUrl = started.get("authorizationUrl").asText();
        assertThat(authorizationUrl).startsWith(provider.authorizationUrl())
                .contains("code_challenge=").contains("code_challenge_method=S256").contains("state=");
        URI back = provider.signIn(authorizationUrl);
        assertThat(back.toString()).startsWith(api.baseUrl() + "/oauth/callback?");

        Api.TextResponse callback = api.anonymous().getText("/oauth/callback?" + back.getRawQuery());
        assertThat(callback.status()).isEqualTo(200);
        assertThat(callback.text()).contains("Authorized");

        List<String> seen = provider.requests();
        assertThat(seen).anySatisfy(r -> assertThat(r).startsWith("POST /" + OAuthProvider.ISSUER + "/token")
                .contains("grant_type=authorization_code").contains("code_verifier=")
                .contains("client_secret=" + OAuthProvider.CLIENT_SECRET));

        JsonNode oauth = api.admin().get(oauthPath(id)).body();
        assertThat(oauth.get("state").asText()).isEqualTo("AUTHORIZED");
        assertThat(oauth.get("clientSecretSet").asBoolean()).isTrue();
        assertThat(oauth.get("refreshTokenSet").asBoolean()).isTrue();
        assertThat(oauth.get("authorizedBy").asText()).isEqualTo("admin");
        String accessToken = storedAccessToken(id);
        assertThat(oauth.toString()).doesNotContain(OAuthProvider.CLIENT_SECRET).doesNotContain(accessToken);
        Map<String, Object> row = jdbc.sql("select client_secret_encrypted, access_token_encrypted, refresh_token_encrypted "
                + "from oauth_client where server_kind = 'INCOMING' and server_id = ?").param(id).query().singleRow();
        assertThat(row.values()).allSatisfy(value -> assertThat((String) value).startsWith("v1:")
                .doesNotContain(OAuthProvider.CLIENT_SECRET).doesNotContain(accessToken));

        greenMail.setUser(user.getEmail(), user.getLogin(), accessToken);
        deliver(user, 2, "Fetched with a token");
        PollResult poll = poll(id);
        assertThat(poll.failed()).isFalse();
        assertThat(poll.stored()).isEqualTo(2);

        JsonNode test = api.admin().post("/api/incoming-servers/" + id + "/test", Map.of()).body();
        assertThat(test.get("success").asBoolean()).as(test.toString()).isTrue();
        assertThat(test.get("steps").get(0).get("step").asText()).isEqualTo("OAUTH_TOKEN");
        assertThat(test.get("steps").get(0).get("status").asText()).isEqualTo("PASSED");
    }

    @Test
    void aWrongOrReusedStateIsRefusedAndStoresNothing() throws Exception {
        GreenMailUser user = mailbox();
        long id = server(user, "IMAP");
        api.admin().put(oauthPath(id), provider.configuration(api.baseUrl(), IMAP_SCOPE));
        URI back = provider.signIn(api.admin().post(oauthPath(id) + "/authorize", Map.of()).get("authorizationUrl").asText());
        String code = query(back, "code");

        Api.TextResponse forged = api.anonymous().getText("/oauth/callback?state=forged-state&code=" + code);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(forged.text()).contains("unknown or was already used");
        assertThat(api.admin().get(oauthPath(id)).get("state").asText()).isEqualTo("NOT_AUTHORIZED");

        assertThat(api.anonymous().getText("/oauth/callback?" + back.getRawQuery()).status()).isEqualTo(200);
        Api.TextResponse replayed = api.anonymous().getText("/oauth/callback?" + back.getRawQuery());
        assertThat(replayed.status()).isEqualTo(400);
        assertThat(replayed.text()).contains("unknown or was already used");
    }

    @Test
    void anAccessTokenAboutToExpireIsRenewedBeforeThePollAndTheRotatedRefreshTokenIsStored() throws Exception {
        GreenMailUser user = mailbox();
        long id = server(user, "POP3");
        authorize(id, user, "https://outlook.office.com/POP.AccessAsUser.All offline_access");
        String firstRefresh = storedRefreshToken(id);
        expireAccessTokenIn(id, Duration.ofSeconds(30));
        deliver(user, 3, "Waiting for a renewed token");

        provider.nextTokens("access-renewed-" + id, "refresh-rotated-" + id, 3600);
        greenMail.setUser(user.getEmail(), user.getLogin(), "access-renewed-" + id);
        PollResult poll = poll(id);

        assertThat(poll.failed()).isFalse();
        assertThat(poll.stored()).isEqualTo(3);
        assertThat(provider.requests()).singleElement().satisfies(r -> assertThat(r)
                .contains("grant_type=refresh_token").contains("refresh_token=" + firstRefresh));
        assertThat(storedRefreshToken(id)).isEqualTo("refresh-rotated-" + id);
        assertThat(storedAccessToken(id)).isEqualTo("access-renewed-" + id);
        assertThat(audited(id, "FETCH_FAILED")).isEmpty();
    }

    @Test
    void aTokenTheServerRefusesIsRenewedOnceAndThePollSucceeds() throws Exception {
        GreenMailUser user = mailbox();
        long id = server(user, "IMAP");
        authorize(id, user, IMAP_SCOPE);
        String refresh = storedRefreshToken(id);
        deliver(user, 1, "Token cut short");

        greenMail.setUser(user.getEmail(), user.getLogin(), "access-after-refusal-" + id);
        provider.nextTokens("access-after-refusal-" + id, null, 3600);
        PollResult poll = poll(id);

        assertThat(poll.failed()).isFalse();
        assertThat(poll.stored()).isEqualTo(1);
        assertThat(provider.requests()).singleElement().satisfies(r -> assertThat(r).contains("grant_type=refresh_token"));
        assertThat(storedRefreshToken(id)).as("no new refresh token sent: the one in use is kept").isEqualTo(refresh);
    }

    @Test
    void renewalsOfOneServerAtOnceCollapseIntoOneTokenRequest() throws Exception {
        GreenMailUser user = mailbox();
        long id = server(user, "IMAP");
        authorize(id, user, IMAP_SCOPE);
        expireAccessTokenIn(id, Duration.ofSeconds(-1));
        provider.nextTokens("access-once-" + id, "refresh-once-" + id, 3600);

        ExecutorService threads = Executors.newFixedThreadPool(6);
        try {
            List<Future<String>> answers = new ArrayList<>();
            Callable<String> ask = () -> tokens.accessToken(OAuthServerRef.incoming(id));
            for (int i = 0; i < 6; i++) {
                answers.add(threads.submit(ask));
            }
            for (Future<String> answer : answers) {
                assertThat(answer.get(30, TimeUnit.SECONDS)).isEqualTo("access-once-" + id);
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(provider.requests()).hasSize(1);
    }

    @Test
    void aRevokedRefreshTokenIsFetchFailedInPlainWordsFlagsTheServerAndReauthorizingFetchesWhatWaited() throws Exception {
        GreenMailUser user = mailbox();
        long id = server(user, "IMAP");
        authorize(id, user, IMAP_SCOPE);
        deliver(user, 3, "Waiting through a revoked token");
        expireAccessTokenIn(id, Duration.ofSeconds(-1));
        provider.nextError(400, "invalid_grant", "AADSTS50173: The provided grant has expired due to it being revoked.");

        assertThat(poll(id).failed()).isTrue();
        assertThat(audited(id, "FETCH_FAILED")).singleElement().satisfies(message -> assertThat(message)
                .contains("the access token was revoked; re-authorize this server")
                .contains("invalid_grant").contains("The OAuth access token expired or the identity provider at ",
                        " revoked it, so Mailroom can no longer sign in to this mailbox. Click Re-authorize on the server")
                .doesNotContain("ServiceOps", "Microsoft", "enter the password"));
        JsonNode oauth = api.admin().get(oauthPath(id)).body();
        assertThat(oauth.get("state").asText()).isEqualTo("REAUTHORIZATION_NEEDED");
        assertThat(oauth.get("stateLabel").asText()).isEqualTo("re-authorization needed");
        assertThat(api.admin().get("/api/oauth/servers").body().toString()).contains("re-authorization needed");
        provider.requests();

        assertThat(poll(id).failed()).isTrue();
        assertThat(provider.requests()).as("a flagged server does not ask the provider again").isEmpty();
        JsonNode test = api.admin().post("/api/incoming-servers/" + id + "/test", Map.of()).body();
        assertThat(test.get("success").asBoolean()).isFalse();
        assertThat(test.get("failedStep").asText()).isEqualTo("OAUTH_TOKEN");
        assertThat(test.get("steps").get(0).get("hint").asText()).contains("Authorize this server again");

        authorize(id, user, IMAP_SCOPE);
        PollResult after = poll(id);
        assertThat(after.failed()).isFalse();
        assertThat(after.stored()).isEqualTo(3);
        assertThat(jdbc.sql("select count(distinct message_id) from inbound_email where server_id = ?").param(id)
                .query(Long.class).single()).isEqualTo(3);
        assertThat(api.admin().get(oauthPath(id)).get("state").asText()).isEqualTo("AUTHORIZED");
    }

    @Test
    void aTokenEndpointThatDoesNotAnswerFailsWithinItsTimeoutAndHoldsUpNoOtherServer() throws Exception {
        GreenMailUser other = mailbox();
        long otherId = server(other, "IMAP");
        authorize(otherId, other, IMAP_SCOPE);
        long id = server(mailbox(), "IMAP");
        OAuthServerRef silentServer = OAuthServerRef.incoming(id);
        ExecutorService renewal = Executors.newSingleThreadExecutor();
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"))) {
            Map<String, Object> configuration = provider.configuration(api.baseUrl(), IMAP_SCOPE);
            configuration.put("tokenUrl", "http://127.0.0.1:" + silent.getLocalPort() + "/token");
            assertThat(api.admin().put(oauthPath(id), configuration).status()).isEqualTo(200);
            clients.authorized(silentServer, new IssuedTokens("expired", Instant.now().minusSeconds(60), "refresh"),
                    secrets.encrypt("expired"), secrets.encrypt("refresh"), "admin");

            long started = System.nanoTime();
            Future<OAuthTokenException> stuck = renewal.submit(() -> {
                try {
                    tokens.accessToken(silentServer);
                    return null;
                } catch (OAuthTokenException e) {
                    return e;
                }
            });
            silent.setSoTimeout(10_000);
            try (Socket waiting = silent.accept()) {
                long asked = System.nanoTime();
                assertThat(tokens.accessToken(OAuthServerRef.incoming(otherId))).isEqualTo(storedAccessToken(otherId));
                assertThat(Duration.ofNanos(System.nanoTime() - asked)).as("the other server waits for nobody")
                        .isLessThan(Duration.ofSeconds(1));

                OAuthTokenException failure = stuck.get(15, TimeUnit.SECONDS);
                assertThat(failure).isNotNull();
                assertThat(failure.getMessage()).contains("did not answer");
                assertThat(failure.reauthorizationNeeded()).isFalse();
                assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
            }
        } finally {
            renewal.shutdownNow();
        }
        JsonNode oauth = api.admin().get(oauthPath(id)).body();
        assertThat(oauth.get("state").asText()).as("a silent endpoint is no reason to re-authorize").isEqualTo("AUTHORIZED");
        assertThat(oauth.get("lastRefreshError").asText()).contains("did not answer");
    }

    private void authorize(long id, GreenMailUser user, String scope) throws Exception {
        assertThat(api.admin().put(oauthPath(id), provider.configuration(api.baseUrl(), scope)).status()).isEqualTo(200);
        URI back = provider.signIn(api.admin().post(oauthPath(id) + "/authorize", Map.of()).get("authorizationUrl").asText());
        assertThat(api.anonymous().getText("/oauth/callback?" + back.getRawQuery()).status()).isEqualTo(200);
        greenMail.setUser(user.getEmail(), user.getLogin(), storedAccessToken(id));
        provider.requests();
    }

    private GreenMailUser mailbox() {
        String address = "oauth-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return greenMail.setUser(address, address, "not-the-token");
    }

    private long server(GreenMailUser user, String protocol) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", protocol + " " + user.getEmail());
        body.put("mailboxAddresses", List.of(user.getEmail()));
        body.put("protocol", protocol);
        body.put("host", "127.0.0.1");
        body.put("port", protocol.equals("IMAP") ? greenMail.getImap().getPort() : greenMail.getPop3().getPort());
        body.put("security", "NONE");
        body.put("username", user.getLogin());
        body.put("password", "unused-with-oauth");
        body.put("afterProcessing", protocol.equals("IMAP") ? "MARK_SEEN" : "DELETE");
        Api.Response created = api.admin().post("/api/incoming-servers", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private static void deliver(GreenMailUser user, int count, String subject) throws Exception {
        for (int i = 0; i < count; i++) {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
            message.setFrom(new InternetAddress("requester@customer.test"));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(user.getEmail()));
            message.setSubject(subject + " " + i);
            message.setText("Please help, " + i);
            message.saveChanges();
            user.deliver(message);
        }
    }

    private PollResult poll(long id) {
        return poller.poll(directory.findEnabled(id).orElseThrow());
    }

    private void expireAccessTokenIn(long id, Duration duration) {
        jdbc.sql("update oauth_client set access_token_expires_at = ? where server_kind = 'INCOMING' and server_id = ?")
                .param(SqlTime.toSql(Instant.now().plus(duration))).param(id).update();
    }

    private String storedAccessToken(long id) {
        return secrets.decrypt(stored(id, "access_token_encrypted"));
    }

    private String storedRefreshToken(long id) {
        return secrets.decrypt(stored(id, "refresh_token_encrypted"));
    }

    private String stored(long id, String column) {
        return jdbc.sql("select " + column + " from oauth_client where server_kind = 'INCOMING' and server_id = ?")
                .param(id).query(String.class).single();
    }

    private List<String> audited(long id, String status) {
        return jdbc.sql("select message from audit_entry where server_id = ? and status = ? and event = 'INCOMING'")
                .param(id).param(status).query(String.class).list();
    }

    private static String oauthPath(long id) {
        return "/api/incoming-servers/" + id + "/oauth";
    }

    private static String query(URI uri, String name) {
        for (String pair : uri.getRawQuery().split("&")) {
            if (pair.startsWith(name + "=")) {
                return pair.substring(name.length() + 1);
            }
        }
        throw new AssertionError(name + " not in " + uri);
    }
}
