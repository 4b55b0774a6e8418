package dev.mailroom.console.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
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
import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.ImapGreenMail;

/** Test Connection on the Incoming Email Server form: the settings as typed are tested step by step, never saved. */
@ConsoleTest
class ConsoleIncomingServerFormTestConnectionTest {

    private static final String TEST_NEW = "/admin/incoming-email-servers/test-settings";

    @RegisterExtension
    static final GreenMailExtension greenMail = ImapGreenMail.onLoopback();

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    IntakeHarness intake;

    @Test
    void theFormsButtonPostsTheWholeFormToTheTest() throws Exception {
        Document form = page(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                .get("/admin/incoming-email-servers/new").with(AdminPages.ADMIN)));

        Element button = form.selectFirst("#incoming-server-form button#test-settings");
        assertThat(button.attr("hx-post")).isEqualTo(TEST_NEW);
        assertThat(button.attr("formaction")).as("without JavaScript too").isEqualTo(TEST_NEW);
        assertThat(button.attr("hx-target")).isEqualTo("#test-unsaved");
        assertThat(form.select("#test-unsaved")).hasSize(1);
    }

    @Test
    void unsavedSettingsPassEveryStepAndNothingIsSaved() throws Exception {
        String address = mailbox();
        long before = serverCount();

        Document result = page(mvc.perform(typed(post(TEST_NEW), address, IntakeHarness.PASSWORD)
                .header("HX-Request", "true")));

        assertThat(result.select("header.topbar")).as("htmx gets only the result").isEmpty();
        assertThat(result.select("ol.steps li strong").eachText())
                .containsExactly("DNS lookup", "TCP connect", "Server greeting", "Login", "Open folder");
        assertThat(result.select("ol.steps li").eachAttr("data-status")).containsOnly("PASSED");
        assertThat(result.select(".notice.passed").text()).isEqualTo("All steps passed: Mailroom can read this mailbox");
        assertThat(result.select("ol.steps li[data-step=GREETING] .answer").text()).startsWith("Server said: * OK");
        assertThat(serverCount()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void aWrongPasswordFailsAtLoginWithTheHint() throws Exception {
        String address = mailbox();

        Document result = page(mvc.perform(typed(post(TEST_NEW), "<b>Bold</b> desk", address, "Not-The-Password-1",
                "127.0.0.1", String.valueOf(greenMail.getImap().getServerSetup().getPort()))));

        assertThat(result.select("header.topbar")).as("without htmx, a whole page").hasSize(1);
        assertThat(result.select("h1").text()).as("escaped").isEqualTo("Test Connection: <b>Bold</b> desk");
        Element login = result.selectFirst("ol.steps li[data-step=LOGIN]");
        assertThat(login.attr("data-status")).isEqualTo("FAILED");
        assertThat(login.select(".hint").text()).isNotBlank();
        assertThat(result.select("ol.steps li[data-step=OPEN_FOLDER]").attr("data-status")).isEqualTo("SKIPPED");
        assertThat(result.html()).as("a typed password is never sent back").doesNotContain("Not-The-Password-1");
    }

    @Test
    void settingsBreakingTheApisRulesAreNotTested() throws Exception {
        Document result = page(mvc.perform(typed(post(TEST_NEW), "Try", "not-an-address", "x-Password-1", "127.0.0.1",
                "ninety").header("HX-Request", "true")));

        assertThat(result.select("ol.steps")).isEmpty();
        assertThat(result.select(".notice.error").text())
                .startsWith("Not tested:").contains("Port: is not a valid value", "Mailbox addresses: \"not-an-address\" is not an email address");
    }

    @Test
    void onEditAnEmptyPasswordUsesTheSavedOneForTheSameHostOnly() throws Exception {
        var desk = intake.desk(greenMail);
        String testEdited = "/admin/incoming-email-servers/" + desk.serverId() + "/test-settings";
        long before = serverCount();

        Document result = page(mvc.perform(typed(post(testEdited), "Renamed", desk.address(), "", "127.0.0.1",
                String.valueOf(greenMail.getImap().getServerSetup().getPort())).header("HX-Request", "true")));

        assertThat(result.select("ol.steps li").eachAttr("data-status")).containsOnly("PASSED");
        assertThat(serverCount()).isEqualTo(before);
        assertThat(api.admin().get("/api/incoming-servers/" + desk.serverId()).get("name").asString())
                .as("nothing saved").isEqualTo("Desk " + desk.address());

        Document otherHost = page(mvc.perform(typed(post(testEdited), "Moved", desk.address(), "", "127.0.0.2",
                String.valueOf(greenMail.getImap().getServerSetup().getPort())).header("HX-Request", "true")));
        assertThat(otherHost.select("ol.steps")).as("the stored password is not lent to another host").isEmpty();
        assertThat(otherHost.select(".notice.error").text()).contains("password");

        Document newServer = page(mvc.perform(typed(post(TEST_NEW), desk.address(), "").header("HX-Request", "true")));
        assertThat(newServer.select(".notice.error").text()).contains("Password: is required");
    }

    @Test
    void onlyAdminsWithTheCsrfTokenMayTest() throws Exception {
        String address = mailbox();

        mvc.perform(typed(post(TEST_NEW), address, IntakeHarness.PASSWORD).with(user(Api.TECHNICIAN).roles("TECHNICIAN")))
                .andExpect(status().isForbidden());
        mvc.perform(post(TEST_NEW).with(AdminPages.ADMIN).param("name", "No token").param("host", "127.0.0.1"))
                .andExpect(status().isForbidden());
    }

    private static String mailbox() {
        String address = "try-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        greenMail.setUser(address, address, IntakeHarness.PASSWORD);
        return address;
    }

    private static MockHttpServletRequestBuilder typed(MockHttpServletRequestBuilder request, String address,
            String password) {
        return typed(request, "Try " + address, address, password, "127.0.0.1",
                String.valueOf(greenMail.getImap().getServerSetup().getPort()));
    }

    private static MockHttpServletRequestBuilder typed(MockHttpServletRequestBuilder request, String name,
            String address, String password, String host, String port) {
        return request.with(AdminPages.ADMIN).with(csrf()).param("preset", "CUSTOM").param("name", name)
                .param("mailboxAddresses", address).param("protocol", "IMAP").param("host", host)
                .param("port", port).param("security", "NONE")
                .param("username", address).param("password", password).param("folder", "INBOX")
                .param("pollIntervalSeconds", "60").param("enabled", "true").param("filterType", "IGNORE");
    }

    private static Document page(org.springframework.test.web.servlet.ResultActions result) throws Exception {
        return Jsoup.parse(result.andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
    }

    private long serverCount() {
        return api.admin().get("/api/incoming-servers").body().size();
    }
}
