package dev.mailroom.console.oauth;

import static dev.mailroom.console.AdminPages.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.oauth.OAuthProvider;
import dev.mailroom.testing.Api;

/**
 * OAuth 2.0 in the console: the state on the server lists with a one-click Re-authorize, Authorize sending the browser
 * to the provider with state and PKCE and its callback authorizing the server (a real authorization server), and the
 * server's OAuth 2.0 page with its form.
 */
@ConsoleTest
class ConsoleOAuthTest {

    private static final String AUTHORIZE = "https://login.provider.test/tenant/oauth2/v2.0/authorize";

    @Autowired
    Api api;
    @Autowired
    AdminPages pages;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aServerThatNeedsReauthorizationSaysSoOnTheListAndReauthorizeGoesToTheProvider() throws Exception {
        long id = incomingServer();
        configure("/api/incoming-servers/" + id + "/oauth");
        jdbc.sql("update oauth_client set reauthorization_needed = true, reauthorization_reason = ? "
                        + "where server_kind = 'INCOMING' and server_id = ?")
                .param("the access token was revoked; re-authorize this server").param(id).update();

        Element row = pages.get("/admin/incoming-email-servers").selectFirst("#server-" + id);
        assertThat(row.select(".oauth-state").text()).isEqualTo("OAuth 2.0: re-authorization needed");
        Element reauthorize = row.selectFirst("#reauthorize-" + id);
        assertThat(reauthorize.text()).isEqualTo("Re-authorize");
        assertThat(reauthorize.parent().attr("action")).isEqualTo("/admin/oauth/incoming/" + id + "/authorize");

        String location = mvc.perform(post("/admin/oauth/incoming/" + id + "/authorize").with(csrf()).with(ADMIN))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith(AUTHORIZE + "?").contains("client_id=desk-app").contains("state=")
                .contains("code_challenge=").contains("code_challenge_method=S256")
                .contains("redirect_uri=https%3A%2F%2Fdesk.example.com%2Foauth%2Fcallback");

        Document page = pages.get("/admin/oauth/incoming/" + id);
        assertThat(page.select(".oauth-state").text()).isEqualTo("OAuth 2.0: re-authorization needed");
        assertThat(page.select("#reason").text()).contains("the access token was revoked");
        assertThat(page.select("#authorize").text()).isEqualTo("Re-authorize");
        assertThat(page.select("input[name=clientId]").val()).isEqualTo("desk-app");
        assertThat(page.select("input[name=clientSecret]").val()).isEmpty();
        assertThat(page.html()).doesNotContain("Console-Secret-1");
    }

    @Test
    void anOutgoingServerNotAuthorizedYetOffersAuthorizeAndTheFormSaysWhatIsMissing() throws Exception {
        long id = outgoingServer();
        configure("/api/outgoing-servers/" + id + "/oauth");

        Element row = pages.get("/admin/outgoing-email-servers").selectFirst("#server-" + id);
        assertThat(row.select(".oauth-state").text()).isEqualTo("OAuth 2.0: not authorized yet");
        assertThat(row.select("#reauthorize-" + id).text()).isEqualTo("Authorize");

        String html = mvc.perform(post("/admin/oauth/outgoing/" + id).with(csrf()).with(ADMIN)
                        .param("provider", "MICROSOFT_365").param("grantType", "AUTHORIZATION_CODE")
                        .param("clientId", "desk-app").param("redirectUrl", "https://desk.example.com/oauth/callback"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        Document form = Jsoup.parse(html);
        assertThat(form.select("input[name=tenant] + .field-error").text()).contains("is required for Microsoft 365");
    }

    @Test
    void authorizeFromTheConsoleGoesToTheProviderAndItsCallbackAuthorizesTheServer() throws Exception {
        try (OAuthProvider provider = new OAuthProvider()) {
            long id = incomingServer();
            assertThat(api.admin().put("/api/incoming-servers/" + id + "/oauth",
                    provider.configuration(api.baseUrl(), "https://outlook.office.com/IMAP.AccessAsUser.All")).status())
                    .isEqualTo(200);

            String location = mvc.perform(post("/admin/oauth/incoming/" + id + "/authorize").with(csrf()).with(ADMIN))
                    .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
            URI back = provider.signIn(location);
            String callback = mvc.perform(get("/oauth/callback?" + back.getRawQuery()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

            assertThat(Jsoup.parse(callback).select("#authorized").text()).startsWith("Authorized");
            Element row = pages.get("/admin/incoming-email-servers").selectFirst("#server-" + id);
            assertThat(row.select(".oauth-state").text()).isEqualTo("OAuth 2.0: authorized");
            assertThat(row.select("#reauthorize-" + id)).isEmpty();
        }
    }

    @Test
    void aMicrosoft365MailboxWithoutOAuthOpensItsPageWithTheMicrosoft365Preset() throws Exception {
        long id = incomingServer();

        Document page = pages.get("/admin/oauth/incoming/" + id);

        assertThat(page.select("select[name=provider] option[selected]").val()).isEqualTo("MICROSOFT_365");
        assertThat(page.select("#oauth-state")).isEmpty();
        assertThat(page.text()).contains("This server signs in with its password");
    }

    private void configure(String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", "CUSTOM");
        body.put("clientId", "desk-app");
        body.put("clientSecret", "Console-Secret-1");
        body.put("authorizationUrl", AUTHORIZE);
        body.put("tokenUrl", "https://login.provider.test/tenant/oauth2/v2.0/token");
        body.put("scope", "https://outlook.office.com/IMAP.AccessAsUser.All offline_access");
        body.put("redirectUrl", "https://desk.example.com/oauth/callback");
        Api.Response saved = api.admin().put(path, body);
        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
    }

    private long incomingServer() {
        String address = "desk-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Mailbox " + address);
        body.put("mailboxAddresses", List.of(address));
        body.put("protocol", "IMAP");
        body.put("host", "outlook.office365.com");
        body.put("port", 993);
        body.put("security", "SSL_TLS");
        body.put("username", address);
        body.put("password", "unused-with-oauth");
        return api.admin().post("/api/incoming-servers", body).get("id").asLong();
    }

    private long outgoingServer() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Relay " + UUID.randomUUID());
        body.put("host", "smtp.office365.com");
        body.put("authentication", "OAUTH2");
        body.put("username", "desk@example.com");
        body.put("fromAddress", "desk@example.com");
        body.put("replyToAddress", "desk@example.com");
        return api.admin().post("/api/outgoing-servers", body).get("id").asLong();
    }
}
