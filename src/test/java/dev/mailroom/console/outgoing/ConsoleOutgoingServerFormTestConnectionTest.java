package dev.mailroom.console.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.SmtpGreenMail;

/** Test Connection on the Outgoing Email Server form: the settings as typed, with an optional test email, never saved. */
@ConsoleTest
class ConsoleOutgoingServerFormTestConnectionTest {

    private static final String TEST_NEW = "/admin/outgoing-email-servers/test-settings";
    private static final String USER = "trial@example.com";
    private static final String PASSWORD = "Trial-Password-1";

    @RegisterExtension
    static final GreenMailExtension greenMail = SmtpGreenMail.withUser(USER, PASSWORD);

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;

    @Test
    void unsavedSettingsPassEveryStepSendTheTestEmailAndNothingIsSaved() throws Exception {
        long before = serverCount();
        String recipient = "requester-" + UUID.randomUUID().toString().substring(0, 8) + "@customer.test";

        Document result = page(typed(TEST_NEW, Map.of("testRecipient", recipient)).header("HX-Request", "true"));

        assertThat(result.select("header.topbar")).as("htmx gets only the result").isEmpty();
        assertThat(result.select("ol.steps li strong").eachText())
                .containsExactly("DNS lookup", "TCP connect", "Server greeting", "EHLO", "Authentication (AUTH)", "Send test email");
        assertThat(result.select("ol.steps li").eachAttr("data-status")).containsOnly("PASSED");
        assertThat(result.select("ol.steps li[data-step=AUTH] .answer").text()).startsWith("Server said: 235")
                .as("the reply code once").doesNotStartWith("Server said: 235 235");
        assertThat(greenMail.waitForIncomingEmail(5000, 1)).isTrue();
        assertThat(serverCount()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void aWrongPasswordFailsAtAuthenticationWithTheHint() throws Exception {
        Document result = page(typed(TEST_NEW, Map.of("password", "Not-The-Password-1", "name", "<i>Relay</i>")));

        assertThat(result.select("h1").text()).as("escaped").isEqualTo("Test Connection: <i>Relay</i>");
        Element auth = result.selectFirst("ol.steps li[data-step=AUTH]");
        assertThat(auth.attr("data-status")).isEqualTo("FAILED");
        assertThat(auth.select(".hint").text()).isNotBlank();
        assertThat(result.html()).doesNotContain("Not-The-Password-1");
    }

    @Test
    void onEditAnEmptyPasswordUsesTheSavedOneForTheSameHostOnly() throws Exception {
        long id = create("Relay " + UUID.randomUUID());
        String testEdited = "/admin/outgoing-email-servers/" + id + "/test-settings";

        Document result = page(typed(testEdited, Map.of("password", "")).header("HX-Request", "true"));
        assertThat(result.select("ol.steps li").eachAttr("data-status")).containsOnly("PASSED");

        Document otherHost = page(typed(testEdited, Map.of("password", "", "host", "127.0.0.2")).header("HX-Request", "true"));
        assertThat(otherHost.select("ol.steps")).as("the stored password is not lent to another host").isEmpty();
        assertThat(otherHost.select(".notice.error").text()).contains("password");
    }

    @Test
    void aTestRecipientThatIsNoAddressIsNotTested() throws Exception {
        Document result = page(typed(TEST_NEW, Map.of("testRecipient", "not-an-address")).header("HX-Request", "true"));

        assertThat(result.select("ol.steps")).isEmpty();
        assertThat(result.select(".notice.error").text()).startsWith("Not tested:")
                .contains("Send a test email to: \"not-an-address\" is not an email address");
    }

    @Test
    void onlyAdminsWithTheCsrfTokenMayTest() throws Exception {
        mvc.perform(typed(TEST_NEW, Map.of()).with(user(Api.TECHNICIAN).roles("TECHNICIAN")))
                .andExpect(status().isForbidden());
        mvc.perform(post(TEST_NEW).with(AdminPages.ADMIN).param("host", "127.0.0.1")).andExpect(status().isForbidden());
    }

    /** The form filled in for the GreenMail server, with {@code changes} replacing its values. */
    private static MockHttpServletRequestBuilder typed(String path, Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("preset", "CUSTOM");
        values.put("name", "Trial relay");
        values.put("host", "127.0.0.1");
        values.put("port", String.valueOf(greenMail.getSmtp().getPort()));
        values.put("security", "NONE");
        values.put("authentication", "PASSWORD");
        values.put("username", USER);
        values.put("password", PASSWORD);
        values.put("fromAddress", USER);
        values.put("replyToAddress", "help@example.com");
        values.put("enabled", "true");
        values.putAll(changes);
        MockHttpServletRequestBuilder request = post(path);
        values.forEach(request::param);
        return request.with(AdminPages.ADMIN).with(csrf());
    }

    private Document page(MockHttpServletRequestBuilder request) throws Exception {
        return Jsoup.parse(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private long create(String name) {
        var created = api.admin().post("/api/outgoing-servers", Map.of("name", name, "host", "127.0.0.1",
                "port", greenMail.getSmtp().getPort(), "security", "NONE", "authentication", "PASSWORD", "username", USER,
                "password", PASSWORD, "fromAddress", USER, "replyToAddress", "help@example.com"));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private long serverCount() {
        return api.admin().get("/api/outgoing-servers").body().size();
    }
}
