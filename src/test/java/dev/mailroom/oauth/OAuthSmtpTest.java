package dev.mailroom.oauth;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.outgoing.outbox.NewOutboundEmail;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.outgoing.outbox.OutboundRecipient;
import dev.mailroom.outgoing.outbox.Outbox;
import dev.mailroom.outgoing.sending.OutboxSender;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.secrets.SecretBox;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * An outgoing server on OAuth 2.0 (authentication OAUTH2): Test Connection's token step and AUTH XOAUTH2 with a test
 * email, the outbox sender through GreenMail with the token, and a revoked token as SEND_FAILED in plain words.
 */
@MailroomTest
class OAuthSmtpTest {

    private static final String SMTP_SCOPE = "https://outlook.office.com/SMTP.Send offline_access";

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
    Outbox outbox;
    @Autowired
    OutboxSender sender;

    @AfterAll
    static void stopProvider() {
        provider.close();
    }

    @Test
    void testConnectionGetsTheTokenSignsInWithXoauth2AndTheSenderSendsWithIt() throws Exception {
        GreenMailUser desk = deskMailbox();
        long id = authorizedServer(desk);

        JsonNode test = api.admin().post("/api/outgoing-servers/" + id + "/test",
                Map.of("testRecipient", "ann@customer.test")).body();
        assertThat(test.get("success").asBoolean()).as(test.toString()).isTrue();
        assertThat(test.get("steps").get(0).get("step").asText()).isEqualTo("OAUTH_TOKEN");
        assertThat(test.toString()).contains("AUTH XOAUTH2");

        String messageId = enqueue(id, "bob@customer.test");
        sender.sendDue();
        assertThat(Arrays.stream(greenMail.getReceivedMessages()).filter(m -> header(m, "Message-ID").equals(messageId)))
                .hasSize(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where message_id = ? and status = 'SENT'").param(messageId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aRevokedTokenEndsTheEmailAsSendFailedInPlainWordsAndFlagsTheServer() throws Exception {
        GreenMailUser desk = deskMailbox();
        long id = authorizedServer(desk);
        jdbc.sql("update oauth_client set access_token_expires_at = ? where server_kind = 'OUTGOING' and server_id = ?")
                .param(SqlTime.toSql(Instant.now().minus(Duration.ofMinutes(1)))).param(id).update();
        provider.nextError(400, "invalid_grant", "AADSTS700082: The refresh token has expired due to inactivity.");

        enqueue(id, "carol@customer.test");
        sender.sendDue();

        assertThat(audited(id, "SEND_FAILED")).singleElement().satisfies(message -> assertThat(message)
                .contains("the access token was revoked; re-authorize this server")
                .contains("The OAuth access token expired or the identity provider at ", " revoked it, so Mailroom can no "
                        + "longer send emails through this server. Click Re-authorize on the server")
                .doesNotContain("ServiceOps", "Microsoft", "enter the password"));
        assertThat(api.admin().get("/api/outgoing-servers/" + id + "/oauth").get("stateLabel").asText())
                .isEqualTo("re-authorization needed");
        JsonNode test = api.admin().post("/api/outgoing-servers/" + id + "/test", Map.of()).body();
        assertThat(test.get("failedStep").asText()).isEqualTo("OAUTH_TOKEN");
    }

    private long authorizedServer(GreenMailUser desk) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "SMTP " + desk.getEmail());
        body.put("host", "127.0.0.1");
        body.put("port", greenMail.getSmtp().getPort());
        body.put("security", "NONE");
        body.put("authentication", "OAUTH2");
        body.put("username", desk.getLogin());
        body.put("fromAddress", desk.getEmail());
        body.put("replyToAddress", desk.getEmail());
        Api.Response created = api.admin().post("/api/outgoing-servers", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        long id = created.get("id").asLong();
        // switched to OAuth 2.0 but without its configuration yet, it cannot send (issue 18: it used to say "ready")
        assertThat(created.get("ready").asBoolean()).isFalse();
        assertThat(created.get("notReadyReason").asText()).contains("OAuth 2.0 is not configured");

        String path = "/api/outgoing-servers/" + id + "/oauth";
        assertThat(api.admin().put(path, provider.configuration(api.baseUrl(), SMTP_SCOPE)).status()).isEqualTo(200);
        assertThat(api.admin().get("/api/outgoing-servers/" + id).get("ready").asBoolean()).isTrue();
        URI back = provider.signIn(api.admin().post(path + "/authorize", Map.of()).get("authorizationUrl").asText());
        assertThat(api.anonymous().getText("/oauth/callback?" + back.getRawQuery()).status()).isEqualTo(200);
        String token = secrets.decrypt(jdbc.sql("select access_token_encrypted from oauth_client "
                + "where server_kind = 'OUTGOING' and server_id = ?").param(id).query(String.class).single());
        greenMail.setUser(desk.getEmail(), desk.getLogin(), token);
        provider.requests();
        return id;
    }

    private GreenMailUser deskMailbox() {
        String address = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        return greenMail.setUser(address, address, "not-the-token");
    }

    private String enqueue(long serverId, String recipient) {
        String messageId = "<oauth." + UUID.randomUUID() + "@mailroom.local>";
        outbox.enqueue(new NewOutboundEmail(OutboundKind.ACKNOWLEDGMENT, null, null, null, serverId,
                List.of(OutboundRecipient.to(recipient)), messageId, null, null, "[INC-1] We received your request",
                "Text", null, List.of()));
        return messageId;
    }

    private List<String> audited(long id, String status) {
        return jdbc.sql("select message from audit_entry where server_id = ? and status = ? and event = 'OUTGOING'")
                .param(id).param(status).query(String.class).list();
    }

    private static String header(jakarta.mail.internet.MimeMessage message, String name) {
        try {
            String value = message.getHeader(name, null);
            return value == null ? "" : value;
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
