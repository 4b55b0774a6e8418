package dev.mailroom.console.incoming;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
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
import tools.jackson.databind.JsonNode;

/** The Incoming Email Server form: presets, errors at their fields, create, and edit keeping the stored password. */
@ConsoleTest
class ConsoleIncomingServerFormTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = ImapGreenMail.onLoopback();

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    AdminPages pages;

    @Test
    void theNewServerFormOffersTheProviderPresets() throws Exception {
        Document form = pages.get("/admin/incoming-email-servers/new");

        assertThat(form.select("#preset option").eachText())
                .containsExactly("Gmail", "Microsoft 365", "Outlook.com", "Yahoo", "Zoho", "iCloud", "Custom");
        assertThat(form.select("#preset option[value=GMAIL]").attr("data-imap-host")).isEqualTo("imap.gmail.com");
        assertThat(form.select("#preset option[value=GMAIL]").attr("data-pop3-host")).isEqualTo("pop.gmail.com");
        assertThat(form.select("#preset option[value=ICLOUD]").hasAttr("data-pop3-host")).isFalse();
        assertThat(form.select("#preset option[selected]").text()).isEqualTo("Custom");
        assertThat(form.select("#incoming-server-form input[name=_csrf]")).hasSize(1);
    }

    @Test
    void mistakesAreShownAtTheirFieldsAndNothingIsSaved() throws Exception {
        long before = serverCount();

        Document refused = Jsoup.parse(mvc.perform(form(post("/admin/incoming-email-servers"), "", "not-an-address",
                        "127.0.0.1", "993", "STARTTLS", "Secret-Password-1"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(fieldError(refused, "name")).isEqualTo("must not be blank");
        assertThat(fieldError(refused, "mailboxAddresses")).contains("\"not-an-address\" is not an email address");
        assertThat(fieldError(refused, "security")).contains("993");
        assertThat(refused.select("#mailboxAddresses").text()).isEqualTo("not-an-address");
        assertThat(refused.html()).as("a typed password is never sent back").doesNotContain("Secret-Password-1");
        assertThat(serverCount()).isEqualTo(before);
    }

    @Test
    void aServerIsCreatedThenEditedKeepingItsStoredPassword() throws Exception {
        String address = "form-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        greenMail.setUser(address, address, IntakeHarness.PASSWORD);
        String port = String.valueOf(greenMail.getImap().getServerSetup().getPort());

        mvc.perform(form(post("/admin/incoming-email-servers"), "Form " + address, address, "127.0.0.1", port, "NONE",
                        IntakeHarness.PASSWORD)
                        .param("filterType", "IGNORE").param("filterEntries", "newsletter.test\n@junk.test")
                        .param("requestIdPrefixes", "INC-, REQ-"))
                .andExpect(redirectedUrl("/admin/incoming-email-servers"))
                .andExpect(flash().attribute("saved", "Saved 'Form " + address + "'"));
        JsonNode created = serverNamed("Form " + address);
        assertThat(created.get("filterEntries").toString()).isEqualTo("[\"newsletter.test\",\"junk.test\"]");
        assertThat(created.get("requestIdPrefixes").toString()).isEqualTo("[\"INC-\",\"REQ-\"]");
        long id = created.get("id").asLong();

        Document edit = pages.get("/admin/incoming-email-servers/" + id + "/edit");
        assertThat(edit.select("#host").val()).isEqualTo("127.0.0.1");
        assertThat(edit.select("#filterEntries").text()).isEqualTo("newsletter.test\njunk.test");
        assertThat(edit.select("#password").val()).isEmpty();
        assertThat(edit.select("#password").attr("placeholder")).isEqualTo("stored; leave empty to keep it");

        mvc.perform(form(post("/admin/incoming-email-servers/" + id), "Form " + address, address, "127.0.0.1", port, "NONE", "")
                        .param("filterType", "IGNORE").param("filterEntries", "newsletter.test"))
                .andExpect(redirectedUrl("/admin/incoming-email-servers"));
        assertThat(serverNamed("Form " + address).get("filterEntries").toString()).isEqualTo("[\"newsletter.test\"]");
        assertThat(api.admin().post("/api/incoming-servers/" + id + "/test", null).get("success").asBoolean())
                .as("the stored password still signs in").isTrue();

        Document clash = Jsoup.parse(mvc.perform(form(post("/admin/incoming-email-servers"), "form " + address,
                        "other-" + address, "127.0.0.1", port, "NONE", "x-Password-2"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(fieldError(clash, "name")).isEqualTo("An incoming server named 'Form " + address + "' already exists");
    }

    @Test
    void theDefaultGroupCategoryAndOutgoingServerAreChosenByName() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        long group = api.admin().post("/api/groups", Map.of("name", "<b>Network</b> " + tag)).get("id").asLong();
        long category = api.admin().post("/api/categories", Map.of("name", "Hardware " + tag)).get("id").asLong();
        long outgoing = api.admin().post("/api/outgoing-servers", Map.of("name", "Relay " + tag, "host", "smtp.example.com",
                "security", "NONE", "authentication", "NONE", "fromAddress", "desk@example.com")).get("id").asLong();

        Document blank = pages.get("/admin/incoming-email-servers/new");
        assertThat(blank.select("#technicianGroupId option[value=" + group + "]").text()).as("escaped")
                .isEqualTo("<b>Network</b> " + tag);
        assertThat(blank.select("#categoryId option[value=" + category + "]").text()).isEqualTo("Hardware " + tag);
        assertThat(blank.select("#outgoingServerId option[value=" + outgoing + "]").text()).isEqualTo("Relay " + tag);
        assertThat(blank.select("#outgoingServerId option").first().text()).isEqualTo("— the default server —");
        assertThat(blank.select("#outgoingServerId option[selected]")).as("so the first, the default, shows").isEmpty();

        String address = "chosen-" + tag + "@example.com";
        String port = String.valueOf(greenMail.getImap().getServerSetup().getPort());
        mvc.perform(form(post("/admin/incoming-email-servers"), "Chosen " + tag, address, "127.0.0.1", port, "NONE",
                        IntakeHarness.PASSWORD).param("technicianGroupId", String.valueOf(group))
                        .param("categoryId", String.valueOf(category)).param("outgoingServerId", String.valueOf(outgoing)))
                .andExpect(redirectedUrl("/admin/incoming-email-servers"));
        JsonNode created = serverNamed("Chosen " + tag);
        assertThat(created.get("technicianGroupId").asLong()).isEqualTo(group);
        assertThat(created.get("categoryId").asLong()).isEqualTo(category);
        assertThat(created.get("outgoingServerId").asLong()).isEqualTo(outgoing);

        Document edit = pages.get("/admin/incoming-email-servers/" + created.get("id").asLong() + "/edit");
        assertThat(edit.select("#technicianGroupId option[selected]").val()).isEqualTo(String.valueOf(group));
        assertThat(edit.select("#categoryId option[selected]").val()).isEqualTo(String.valueOf(category));
        assertThat(edit.select("#outgoingServerId option[selected]").val()).isEqualTo(String.valueOf(outgoing));

        Document gone = Jsoup.parse(mvc.perform(form(post("/admin/incoming-email-servers"), "Gone " + tag,
                        "gone-" + address, "127.0.0.1", port, "NONE", IntakeHarness.PASSWORD)
                        .param("categoryId", "987654321"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(fieldError(gone, "categoryId")).isNotBlank();
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String name, String addresses,
            String host, String port, String security, String password) {
        return request.with(AdminPages.ADMIN).with(csrf()).param("preset", "CUSTOM").param("name", name)
                .param("mailboxAddresses", addresses).param("protocol", "IMAP").param("host", host).param("port", port)
                .param("security", security).param("username", addresses).param("password", password)
                .param("folder", "INBOX").param("pollIntervalSeconds", "60").param("enabled", "true");
    }

    private static String fieldError(Document page, String field) {
        return page.select("label:has(#" + field + ") .field-error").text();
    }

    private long serverCount() {
        return api.admin().get("/api/incoming-servers").body().size();
    }

    private JsonNode serverNamed(String name) {
        for (JsonNode server : api.admin().get("/api/incoming-servers").body()) {
            if (server.get("name").asString().equals(name)) {
                return server;
            }
        }
        throw new AssertionError("no incoming server named " + name);
    }
}
