package dev.mailroom.incoming.fetch;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.mailroom.testing.GraphFake.Listed;
import static dev.mailroom.testing.GraphFake.error;
import static dev.mailroom.testing.GraphFake.json;
import static dev.mailroom.testing.GraphFake.mimeOf;
import static dev.mailroom.testing.GraphFake.userPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.mailroom.oauth.OAuthProvider;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.GraphFake;
import dev.mailroom.testing.MailroomTest;

/**
 * Microsoft Graph mailboxes through the whole intake, against a Graph stand-in (WireMock, Graph's JSON shapes) and a
 * real OAuth 2.0 server issuing client-credentials tokens: delta pages, incremental polls, mark read or move only after
 * the commit, crashes on either side of it, throttling and a refused token.
 */
@MailroomTest
@Import(GraphFetchTest.Hooks.class)
class GraphFetchTest {

    @TestConfiguration
    static class Hooks {
        @Bean
        CrashingHooks crashingHooks() {
            return new CrashingHooks();
        }
    }

    static final GraphFake graph = new GraphFake();
    static final OAuthProvider issuer = new OAuthProvider();
    static final String INBOX_ID = "AAMkADInbox0001";

    @DynamicPropertySource
    static void graphUrl(DynamicPropertyRegistry registry) {
        registry.add("mailroom.graph.base-url", graph::baseUrl);
        registry.add("mailroom.graph.max-retry-wait", () -> "5s");
    }

    @AfterAll
    static void stop() {
        graph.close();
        issuer.close();
    }

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MailboxPoller poller;
    @Autowired
    MailboxDirectory directory;
    @Autowired
    CrashingHooks crash;

    String mailbox;

    @BeforeEach
    void freshMailbox() {
        graph.reset();
        mailbox = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
        graph.folder(mailbox, "inbox", INBOX_ID, "Inbox", 3);
        graph.stub(patch(urlPathMatching(userPath(mailbox, "/messages/[^/]+"))).willReturn(json(200, "{\"isRead\":true}")));
    }

    @Test
    void fetchesEveryMessageAcrossPagesOnceMakesTicketsAndMarksThemReadAfterTheCommit() {
        twoPagesOfThreeMessages();
        long serverId = create("MARK_SEEN");

        PollResult first = poll(serverId);

        assertThat(first.failed()).as(lastError(serverId)).isFalse();
        assertThat(first.stored()).isEqualTo(3);
        assertThat(inbound().rows(serverId)).isEqualTo(3);
        assertThat(inbound().distinctMessageIds(serverId)).isEqualTo(3);
        assertThat(inbound().audited(serverId, "RECEIVED")).isEqualTo(3);
        assertThat(inbound().pendingActions(serverId)).isZero();
        for (String id : List.of("msg-1", "msg-2", "msg-3")) {
            graph.wireMock().verify(1, patchRequestedFor(urlPathEqualTo(userPath(mailbox, "/messages/" + id)))
                    .withRequestBody(equalToJson("{\"isRead\":true}")));
        }
        assertThat(cursor(serverId)).endsWith("$deltatoken=round-1");
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> assertThat(jdbc.sql("select status || ' ' || coalesce(message, '') from audit_entry "
                        + "where server_id = :id and status <> 'RECEIVED'").param("id", serverId).query(String.class).list())
                        .hasSize(3).allMatch(status -> status.startsWith("PROCESSED")));
        assertThat(jdbc.sql("select subject from ticket where incoming_server_id = :id order by subject")
                .param("id", serverId).query(String.class).list())
                .containsExactly("Graph request 1", "Graph request 2", "Graph request 3");

        // The next round: one new message, and the three marked read come back as changed; only the new one is fetched.
        graph.deltaPage(mailbox, INBOX_ID, "$deltatoken", "round-1", List.of(Listed.of("msg-1", "2026-12-03T09:01:00Z"),
                Listed.of("msg-4", "2026-12-03T10:00:00Z"), Listed.of("msg-2", "2026-12-03T09:02:00Z"),
                new Listed("msg-gone", null, true)), null, "round-2");
        graph.mime(mailbox, "msg-4", mimeOf("graph-4." + mailbox, "Dana <dana@example.org>", mailbox, "Graph request 4"));

        PollResult second = poll(serverId);

        assertThat(second.stored()).isEqualTo(1);
        assertThat(inbound().rows(serverId)).isEqualTo(4);
        graph.wireMock().verify(1, getRequestedFor(urlPathEqualTo(userPath(mailbox, "/messages/msg-1/$value"))));
        assertThat(cursor(serverId)).endsWith("$deltatoken=round-2");

        // Only msg-4 again, changed by its marking: nothing is stored, but the mailbox moves on to the new delta link.
        graph.deltaPage(mailbox, INBOX_ID, "$deltatoken", "round-2", List.of(Listed.of("msg-4", "2026-12-03T10:00:00Z")),
                null, "round-3");
        assertThat(poll(serverId).stored()).isZero();
        assertThat(inbound().rows(serverId)).isEqualTo(4);
        assertThat(cursor(serverId)).endsWith("$deltatoken=round-3");
    }

    @Test
    void movesEachMessageToTheTargetFolderOnlyAfterItsCommit() {
        twoPagesOfThreeMessages();
        graph.folderByDisplayName(mailbox, "Processed", "AAMkADProcessed");
        graph.stub(post(urlPathMatching(userPath(mailbox, "/messages/[^/]+/move")))
                .willReturn(json(201, "{\"id\":\"moved\",\"parentFolderId\":\"AAMkADProcessed\"}")));
        Map<String, Object> body = server("MOVE");
        body.put("moveToFolder", "Processed");
        long serverId = createServer(body);

        crash.crashAt(CrashingHooks.Point.BEFORE_ACKNOWLEDGE);
        assertThat(poll(serverId).failed()).isTrue();

        // Stored and committed, but the server was not told yet: nothing moved, the moves are pending.
        assertThat(inbound().rows(serverId)).isEqualTo(3);
        assertThat(inbound().pendingActions(serverId)).isEqualTo(3);
        graph.wireMock().verify(0, postRequestedFor(anyUrl()));
        graph.deltaPage(mailbox, INBOX_ID, "$deltatoken", "round-1", List.of(), null, "round-1");

        PollResult next = poll(serverId);

        assertThat(next.failed()).as(lastError(serverId)).isFalse();
        assertThat(next.stored()).isZero();

        assertThat(inbound().rows(serverId)).isEqualTo(3);
        assertThat(inbound().distinctRemoteKeys(serverId)).isEqualTo(3);
        assertThat(inbound().pendingActions(serverId)).isZero();
        for (String id : List.of("msg-1", "msg-2", "msg-3")) {
            graph.wireMock().verify(1, postRequestedFor(urlPathEqualTo(userPath(mailbox, "/messages/" + id + "/move")))
                    .withRequestBody(equalToJson("{\"destinationId\":\"AAMkADProcessed\"}")));
        }
    }

    @Test
    void crashBeforeTheCommitFetchesAgainLosesNothingAndMarksNothingEarly() {
        twoPagesOfThreeMessages();
        long serverId = create("MARK_SEEN");

        crash.crashAt(CrashingHooks.Point.BEFORE_COMMIT);
        assertThat(poll(serverId).failed()).isTrue();
        assertThat(inbound().rows(serverId)).isZero();
        assertThat(cursor(serverId)).isNull();
        graph.wireMock().verify(0, patchRequestedFor(anyUrl()));

        assertThat(poll(serverId).stored()).isEqualTo(3);
        assertThat(inbound().rows(serverId)).isEqualTo(3);
        assertThat(inbound().distinctMessageIds(serverId)).isEqualTo(3);
        assertThat(inbound().audited(serverId, "RECEIVED")).isEqualTo(3);
        graph.wireMock().verify(3, patchRequestedFor(anyUrl()));
        assertThat(inbound().audited(serverId, "FETCH_FAILED")).isEqualTo(1);
        assertThat(inbound().audited(serverId, "FETCH_RECOVERED")).isEqualTo(1);
    }

    @Test
    void throttlingIsWaitedOutAsRetryAfterAsks() {
        twoPagesOfThreeMessages();
        graph.stub(get(urlPathEqualTo(userPath(mailbox, "/messages/msg-2/$value"))).inScenario("throttled")
                .whenScenarioStateIs(STARTED).willSetStateTo("waited")
                .willReturn(error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.")
                        .withHeader("Retry-After", "1")));
        graph.stub(get(urlPathEqualTo(userPath(mailbox, "/messages/msg-2/$value"))).inScenario("throttled")
                .whenScenarioStateIs("waited").willReturn(aResponse()
                        .withStatus(200).withBody(mimeOf("graph-2." + mailbox, "Bob <bob@example.org>", mailbox,
                                "Graph request 2"))));
        long serverId = create("MARK_SEEN");

        long started = System.nanoTime();
        PollResult result = poll(serverId);
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertThat(result.failed()).as(lastError(serverId)).isFalse();
        assertThat(result.stored()).isEqualTo(3);
        assertThat(inbound().audited(serverId, "RECEIVED")).isEqualTo(3);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        graph.wireMock().verify(2, getRequestedFor(urlPathEqualTo(userPath(mailbox, "/messages/msg-2/$value"))));
    }

    @Test
    void aDownloadThatBreaksOffFailsThePollAndTheMessageIsFetchedNextTimeNotSkipped() {
        twoPagesOfThreeMessages();
        graph.stub(get(urlPathEqualTo(userPath(mailbox, "/messages/msg-2/$value"))).inScenario("cut")
                .whenScenarioStateIs(STARTED).willSetStateTo("mended")
                .willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        graph.stub(get(urlPathEqualTo(userPath(mailbox, "/messages/msg-2/$value"))).inScenario("cut")
                .whenScenarioStateIs("mended").willReturn(aResponse().withStatus(200)
                        .withBody(mimeOf("graph-2." + mailbox, "Bob <bob@example.org>", mailbox, "Graph request 2"))));
        long serverId = create("MARK_SEEN");

        assertThat(poll(serverId).failed()).isTrue();
        // Depending on when the fault surfaces, before the body or while reading it, the error names the call or the message.
        assertThat(lastError(serverId)).startsWith("Fetch failed: ").contains("msg-2");
        assertThat(inbound().rows(serverId)).isZero();
        graph.wireMock().verify(0, patchRequestedFor(anyUrl()));

        assertThat(poll(serverId).stored()).isEqualTo(3);
        assertThat(inbound().audited(serverId, "RECEIVED")).isEqualTo(3);
        assertThat(jdbc.sql("select count(*) from inbound_email where server_id = :id and state = 'UNREADABLE'")
                .param("id", serverId).query(Long.class).single()).isZero();
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheCallMadeAgain() {
        twoPagesOfThreeMessages();
        graph.stub(get(urlPathEqualTo(userPath(mailbox, "/mailFolders/inbox"))).inScenario("revoked")
                .whenScenarioStateIs(STARTED).willSetStateTo("renewed")
                .willReturn(error(401, "InvalidAuthenticationToken", "Access token has expired or is not yet valid.")));
        graph.stub(get(urlPathEqualTo(userPath(mailbox, "/mailFolders/inbox"))).inScenario("revoked")
                .whenScenarioStateIs("renewed").willReturn(json(200, "{\"id\":\"" + INBOX_ID + "\",\"displayName\":\"Inbox\"}")));
        long serverId = create("MARK_SEEN");

        assertThat(poll(serverId).stored()).isEqualTo(3);

        List<LoggedRequest> folderCalls = graph.wireMock().findAll(getRequestedFor(
                urlPathEqualTo(userPath(mailbox, "/mailFolders/inbox"))));
        assertThat(folderCalls).hasSize(2);
        assertThat(folderCalls.get(1).getHeader("Authorization")).isNotEqualTo(folderCalls.get(0).getHeader("Authorization"));
    }

    @Test
    void aTokenRefusedEvenWhenFreshFailsTheFetchInPlainWords() {
        graph.reset();
        graph.stub(get(urlPathEqualTo(userPath(mailbox, "/mailFolders/inbox")))
                .willReturn(error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.")));
        long serverId = create("MARK_SEEN");

        assertThat(poll(serverId).failed()).isTrue();

        String message = jdbc.sql("select message from audit_entry where server_id = :id and status = 'FETCH_FAILED'")
                .param("id", serverId).query(String.class).single();
        assertThat(message).startsWith("OAuth sign-in failed: Microsoft Graph refused a freshly renewed access token")
                .contains("InvalidAuthenticationToken").contains("https://graph.microsoft.com/.default");
        assertThat(inbound().rows(serverId)).isZero();
    }

    @Test
    void testConnectionGetsTheTokenThenOpensTheFolderThroughGraph() {
        long serverId = create("MARK_SEEN");

        var result = api.admin().post("/api/incoming-servers/" + serverId + "/test", null);

        assertThat(result.status()).isEqualTo(200);
        assertThat(result.get("success").asBoolean()).as(result.body().toString()).isTrue();
        var steps = result.get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("step").asString()).isEqualTo("OAUTH_TOKEN");
        assertThat(steps.get(0).get("status").asString()).isEqualTo("PASSED");
        assertThat(steps.get(1).get("step").asString()).isEqualTo("OPEN_FOLDER");
        assertThat(steps.get(1).get("status").asString()).isEqualTo("PASSED");
        assertThat(steps.get(1).get("detail").asString()).contains("Inbox", mailbox, "3 messages");
    }

    @Test
    void testConnectionNamesTheMissingPermissionWhenGraphRefuses() {
        graph.stub(get(urlPathEqualTo(userPath(mailbox, "/mailFolders/inbox")))
                .willReturn(error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")));
        long serverId = create("MARK_SEEN");

        var result = api.admin().post("/api/incoming-servers/" + serverId + "/test", null);

        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("failedStep").asString()).isEqualTo("OPEN_FOLDER");
        var folderStep = result.get("steps").get(1);
        assertThat(folderStep.get("status").asString()).isEqualTo("FAILED");
        assertThat(folderStep.get("serverResponse").asString()).isEqualTo(
                "403 ErrorAccessDenied: Access is denied. Check credentials and try again.");
        assertThat(folderStep.get("hint").asString()).contains("Mail.ReadWrite", "consent");
    }

    @Test
    void aGraphMailboxWithoutOAuthIsSavedWithoutPasswordAndSaysWhatItNeeds() {
        var created = api.admin().post("/api/incoming-servers", server("MARK_SEEN"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long serverId = created.get("id").asLong();

        var test = api.admin().post("/api/incoming-servers/" + serverId + "/test", null);
        assertThat(test.get("failedStep").asString()).isEqualTo("OAUTH_TOKEN");
        assertThat(test.get("steps").get(0).get("detail").asString()).contains("no OAuth 2.0 configuration");

        assertThat(poll(serverId).failed()).isTrue();
        assertThat(lastError(serverId)).isEqualTo("OAuth sign-in failed: a Microsoft Graph mailbox signs in with OAuth "
                + "2.0 only; configure OAuth 2.0 (client credentials with the Mail.ReadWrite application permission) and "
                + "authorize this server");
        graph.wireMock().verify(0, getRequestedFor(anyUrl()));
    }

    /** Page one: msg-2 and msg-1 (delta's order is not arrival order); page two: msg-3, then the delta link. */
    private void twoPagesOfThreeMessages() {
        graph.deltaPage(mailbox, INBOX_ID, null, null, List.of(Listed.of("msg-2", "2026-12-03T09:02:00Z"),
                Listed.of("msg-1", "2026-12-03T09:01:00Z")), "page-2", null);
        graph.deltaPage(mailbox, INBOX_ID, "$skiptoken", "page-2", List.of(Listed.of("msg-3", "2026-12-03T09:03:00Z")),
                null, "round-1");
        String[] senders = {"Alice <alice@example.org>", "Bob <bob@example.org>", "Carol <carol@example.org>"};
        for (int i = 1; i <= 3; i++) {
            graph.mime(mailbox, "msg-" + i, mimeOf("graph-" + i + "." + mailbox, senders[i - 1], mailbox,
                    "Graph request " + i));
        }
    }

    private Map<String, Object> server(String afterProcessing) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Graph " + mailbox);
        body.put("mailboxAddresses", List.of(mailbox));
        body.put("protocol", "GRAPH");
        body.put("host", "graph.microsoft.com");
        body.put("security", "SSL_TLS");
        body.put("username", mailbox);
        body.put("afterProcessing", afterProcessing);
        return body;
    }

    private long create(String afterProcessing) {
        return createServer(server(afterProcessing));
    }

    private long createServer(Map<String, Object> body) {
        var created = api.admin().post("/api/incoming-servers", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.get("id").asLong();
        var oauth = api.admin().put("/api/incoming-servers/" + id + "/oauth", GraphFake.clientCredentials(issuer));
        assertThat(oauth.status()).as(oauth.body().toString()).isEqualTo(200);
        return id;
    }

    private PollResult poll(long serverId) {
        return poller.poll(directory.findEnabled(serverId).orElseThrow());
    }

    private String cursor(long serverId) {
        return jdbc.sql("select remote_cursor from mailbox_state where server_id = :id").param("id", serverId)
                .query(String.class).optional().orElse(null);
    }

    private String lastError(long serverId) {
        return jdbc.sql("select last_error from mailbox_state where server_id = :id").param("id", serverId)
                .query(String.class).optional().orElse("no state");
    }

    private Inbound inbound() {
        return new Inbound(jdbc);
    }
}
