package dev.mailroom.outgoing.sending;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static dev.mailroom.testing.GraphFake.error;
import static dev.mailroom.testing.GraphFake.userPath;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import dev.mailroom.audit.AuditEntry;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.oauth.OAuthProvider;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.GraphFake;
import dev.mailroom.transport.OutgoingTransport;
import dev.mailroom.transport.SmtpAuthentication;

/**
 * An outgoing server whose transport is Microsoft Graph: notifications go out through sendMail (MIME, base64) with a
 * client-credentials token from a real OAuth 2.0 server, and Graph's answers end as the same outcomes as SMTP's.
 */
@SenderTest
class GraphSendTest {

    static final GraphFake graph = new GraphFake();
    static final OAuthProvider issuer = new OAuthProvider();

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
    OutboxSender sender;
    @Autowired
    OutboxFixtures fixtures;
    @Autowired
    Api api;

    String mailbox;
    OutgoingServer server;

    @BeforeEach
    void graphServer() {
        graph.reset();
        mailbox = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@contoso.com";
        OutgoingServerSpec spec = new OutgoingServerSpec(443);
        spec.transport = OutgoingTransport.GRAPH;
        spec.authentication = SmtpAuthentication.OAUTH2;
        spec.username = mailbox;
        spec.fromAddress = mailbox;
        spec.replyToAddress = mailbox;
        server = fixtures.server(spec);
        var oauth = api.admin().put("/api/outgoing-servers/" + server.id() + "/oauth", GraphFake.clientCredentials(issuer));
        assertThat(oauth.status()).as(oauth.body().toString()).isEqualTo(200);
    }

    @Test
    void aNotificationIsSentAsMimeThroughSendMailAndRecordedSent() {
        graph.stub(post(urlPathEqualTo(userPath(mailbox, "/sendMail"))).willReturn(WireMock.aResponse().withStatus(202)));
        String messageId = fixtures.enqueue(server, "ann@example.com", "bob@example.com");

        sender.sendDue();

        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(fixtures.recipientStates(messageId)).containsExactly("ann@example.com=SENT", "bob@example.com=SENT");
        assertThat(fixtures.finalAuditOf(messageId)).extracting(AuditEntry::status).containsOnly(AuditStatus.SENT);
        List<LoggedRequest> calls = graph.wireMock().findAll(postRequestedFor(urlPathEqualTo(userPath(mailbox, "/sendMail"))));
        assertThat(calls).singleElement().satisfies(call -> {
            assertThat(call.getHeader("Content-Type")).startsWith("text/plain");
            assertThat(call.getHeader("Authorization")).startsWith("Bearer ey");
            String mime = new String(Base64.getMimeDecoder().decode(call.getBodyAsString()), StandardCharsets.UTF_8);
            assertThat(mime).contains("Message-ID: " + messageId, "Subject: Your request", "To: ann@example.com",
                    "Cc: bob@example.com", "we received your request");
        });
    }

    @Test
    void throttlingLongerThanTheWaitLimitLeavesTheEmailForTheOutboxsRetry() {
        graph.stub(post(urlPathEqualTo(userPath(mailbox, "/sendMail"))).inScenario("busy").whenScenarioStateIs(STARTED)
                .willSetStateTo("calm").willReturn(error(429, "ApplicationThrottled", "Application is over its "
                        + "MailboxConcurrency limit.").withHeader("Retry-After", "120")));
        graph.stub(post(urlPathEqualTo(userPath(mailbox, "/sendMail"))).inScenario("busy").whenScenarioStateIs("calm")
                .willReturn(WireMock.aResponse().withStatus(202)));
        String messageId = fixtures.enqueue(server, "ann@example.com");

        sender.sendDue();

        assertThat(fixtures.state(messageId)).isNotEqualTo("DONE");
        assertThat(fixtures.lastError(messageId)).contains("429 ApplicationThrottled", "MailboxConcurrency");
        assertThat(fixtures.finalAuditOf(messageId)).isEmpty();

        fixtures.makeDue(messageId);
        sender.sendDue();

        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(fixtures.finalAuditOf(messageId)).extracting(AuditEntry::status).containsExactly(AuditStatus.SENT);
        graph.wireMock().verify(2, postRequestedFor(urlPathEqualTo(userPath(mailbox, "/sendMail"))));
    }

    @Test
    void aRefusalIsFinalAndTheAuditCarriesGraphsCodeMessageAndAHint() {
        graph.stub(post(urlPathEqualTo(userPath(mailbox, "/sendMail")))
                .willReturn(error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")));
        String messageId = fixtures.enqueue(server, "ann@example.com");

        sender.sendDue();

        assertThat(fixtures.state(messageId)).isEqualTo("DONE");
        assertThat(fixtures.attempts(messageId)).isEqualTo(1);
        assertThat(fixtures.finalAuditOf(messageId)).singleElement().satisfies(entry -> {
            assertThat(entry.status()).isEqualTo(AuditStatus.SEND_FAILED);
            assertThat(entry.message()).contains("Microsoft Graph as " + mailbox, "403 ErrorAccessDenied",
                    "Access is denied", "Mail.Send");
        });
    }

    @Test
    void testConnectionGetsTheTokenAndSendsATestEmailThroughGraph() {
        graph.stub(post(urlPathEqualTo(userPath(mailbox, "/sendMail"))).willReturn(WireMock.aResponse().withStatus(202)));

        var result = api.admin().post("/api/outgoing-servers/" + server.id() + "/test",
                Map.of("testRecipient", "it-admin@example.com"));

        assertThat(result.get("success").asBoolean()).as(result.body().toString()).isTrue();
        var steps = result.get("steps");
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).get("step").asString()).isEqualTo("OAUTH_TOKEN");
        assertThat(steps.get(1).get("step").asString()).isEqualTo("SEND_TEST_EMAIL");
        assertThat(steps.get(1).get("serverResponse").asString()).isEqualTo("202 Accepted");
        String mime = new String(Base64.getMimeDecoder().decode(graph.wireMock()
                .findAll(postRequestedFor(urlPathEqualTo(userPath(mailbox, "/sendMail")))).get(0).getBodyAsString()),
                StandardCharsets.UTF_8);
        assertThat(mime).contains("To: it-admin@example.com");
    }

    @Test
    void testConnectionNamesTheMissingSendPermission() {
        graph.stub(post(urlPathEqualTo(userPath(mailbox, "/sendMail")))
                .willReturn(error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.")));

        var result = api.admin().post("/api/outgoing-servers/" + server.id() + "/test",
                Map.of("testRecipient", "it-admin@example.com"));

        assertThat(result.get("success").asBoolean()).isFalse();
        assertThat(result.get("failedStep").asString()).isEqualTo("SEND_TEST_EMAIL");
        assertThat(result.get("steps").get(1).get("hint").asString()).contains("Mail.Send", "consent");
    }
}
