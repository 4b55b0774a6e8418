package dev.mailroom.console.outgoing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import com.icegreen.greenmail.junit5.GreenMailExtension;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.SmtpGreenMail;
import tools.jackson.databind.JsonNode;

/** The Outgoing Email Server form: SMTP presets, errors at their fields, create, edit keeping the password, delete. */
@ConsoleTest
class ConsoleOutgoingServerFormTest {

    private static final String USER = "sender@example.com";
    private static final String PASSWORD = "Sender-Password-1";

    @RegisterExtension
    static final GreenMailExtension greenMail = SmtpGreenMail.withUser(USER, PASSWORD);

    @Autowired
    MockMvc mvc;
    @Autowired
    Api api;
    @Autowired
    AdminPages pages;

    @Test
    void theNewServerFormOffersTheSmtpPresets() throws Exception {
        Document form = pages.get("/admin/outgoing-email-servers/new");

        assertThat(form.select("#preset option").eachText())
                .containsExactly("Gmail", "Microsoft 365", "Outlook.com", "Yahoo", "Zoho", "iCloud", "Custom");
        assertThat(form.select("#preset option[value=GMAIL]").attr("data-host")).isEqualTo("smtp.gmail.com");
        assertThat(form.select("#preset option[value=GMAIL]").attr("data-port")).isEqualTo("587");
        assertThat(form.select("#preset option[value=GMAIL]").attr("data-security")).isEqualTo("STARTTLS");
        assertThat(form.select("#preset option[value=YAHOO]").attr("data-port")).isEqualTo("465");
        assertThat(form.select("#preset option[value=YAHOO]").attr("data-security")).isEqualTo("SSL_TLS");
        assertThat(form.select("#preset option[value=OUTLOOK_COM]").attr("data-host")).isEqualTo("smtp-mail.outlook.com");
        assertThat(form.select("#preset option[value=GMAIL]").attr("data-note")).contains("App Password");
        assertThat(form.select("#preset option[selected]").text()).isEqualTo("Custom");
        assertThat(form.select("#port").val()).isEqualTo("587");
        assertThat(form.select("#security option[selected]").val()).isEqualTo("STARTTLS");
        assertThat(form.select("#maxAttachmentMegabytes").val()).isEqualTo("20");
        assertThat(form.select("#outgoing-server-form input[name=_csrf]")).hasSize(1);
        assertThat(form.select("#outgoing-server-form button#test-settings").attr("hx-post"))
                .as("the settings as typed are tested").isEqualTo("/admin/outgoing-email-servers/test-settings");
        assertThat(pages.get("/admin/outgoing-email-servers").select("#new-server").attr("href"))
                .isEqualTo("/admin/outgoing-email-servers/new");
    }

    @Test
    void mistakesAreShownAtTheirFieldsAndNothingIsSaved() throws Exception {
        long before = api.admin().get("/api/outgoing-servers").body().size();

        Document refused = Jsoup.parse(mvc.perform(form(post("/admin/outgoing-email-servers"), "", Map.of("port", "465",
                        "security", "STARTTLS", "password", "Secret-Password-9", "fromAddress", "not-an-address",
                        "maxAttachmentMegabytes", "2048")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(fieldError(refused, "name")).isEqualTo("must not be blank");
        assertThat(fieldError(refused, "security"))
                .isEqualTo("port 465 is SMTP over SSL/TLS; choose SSL/TLS, or port 587 with STARTTLS");
        assertThat(fieldError(refused, "fromAddress")).isEqualTo("\"not-an-address\" is not an email address");
        assertThat(fieldError(refused, "maxAttachmentMegabytes")).isEqualTo("must be between 1 KB and 1024 MB");
        Document tooLong = Jsoup.parse(mvc.perform(form(post("/admin/outgoing-email-servers"), "x".repeat(201), Map.of()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(fieldError(tooLong, "name")).as("a length in words").isEqualTo("must be at most 200 characters");
        assertThat(refused.select("#fromAddress").val()).isEqualTo("not-an-address");
        assertThat(refused.html()).as("a typed password is never sent back").doesNotContain("Secret-Password-9");
        assertThat(api.admin().get("/api/outgoing-servers").body().size()).isEqualTo(before);
    }

    @Test
    void aServerIsCreatedEditedKeepingItsPasswordAndDeletedAfterConfirmation() throws Exception {
        String name = "Form relay " + UUID.randomUUID();

        mvc.perform(form(post("/admin/outgoing-email-servers"), name,
                        Map.of("filterEntries", "newsletter.test\n@junk.test", "maxAttachmentMegabytes", "1.5")))
                .andExpect(redirectedUrl("/admin/outgoing-email-servers"))
                .andExpect(flash().attribute("saved", "Saved '" + name + "'"));
        JsonNode created = serverNamed(name);
        assertThat(created.get("filterEntries").toString()).isEqualTo("[\"newsletter.test\",\"junk.test\"]");
        assertThat(created.get("maxAttachmentBytes").asLong()).isEqualTo(1_572_864L);
        assertThat(created.get("replyToAddress").asString()).isEqualTo("help@example.com");
        assertThat(created.get("ready").asBoolean()).isTrue();
        long id = created.get("id").asLong();
        assertThat(pages.get("/admin/outgoing-email-servers").select("#server-" + id + " a").first().attr("href"))
                .isEqualTo("/admin/outgoing-email-servers/" + id + "/edit");

        Document edit = pages.get("/admin/outgoing-email-servers/" + id + "/edit");
        assertThat(edit.select("#host").val()).isEqualTo("127.0.0.1");
        assertThat(edit.select("#maxAttachmentMegabytes").val()).isEqualTo("1.5");
        assertThat(edit.select("#filterEntries").text()).isEqualTo("newsletter.test\njunk.test");
        assertThat(edit.select("#password").val()).isEmpty();
        assertThat(edit.select("#password").attr("placeholder")).isEqualTo("stored; leave empty to keep it");
        assertThat(edit.html()).doesNotContain(PASSWORD);
        assertThat(edit.select("#outgoing-server-form button#test-settings").attr("hx-post"))
                .isEqualTo("/admin/outgoing-email-servers/" + id + "/test-settings");

        mvc.perform(form(post("/admin/outgoing-email-servers/" + id), name,
                        Map.of("password", "", "replyToAddress", "desk@example.com", "maxAttachmentMegabytes", "1.5")))
                .andExpect(redirectedUrl("/admin/outgoing-email-servers"));
        JsonNode edited = serverNamed(name);
        assertThat(edited.get("replyToAddress").asString()).isEqualTo("desk@example.com");
        assertThat(edited.get("filterEntries").toString()).isEqualTo("[]");
        assertThat(api.admin().post("/api/outgoing-servers/" + id + "/test", null).get("success").asBoolean())
                .as("the stored password still signs in").isTrue();

        Document confirm = pages.get("/admin/outgoing-email-servers/" + id + "/delete");
        assertThat(confirm.select("h1").text()).isEqualTo("Delete " + name + "?");
        assertThat(api.admin().get("/api/outgoing-servers/" + id).status()).as("asking deletes nothing").isEqualTo(200);
        mvc.perform(post("/admin/outgoing-email-servers/" + id + "/delete").with(AdminPages.ADMIN).with(csrf()))
                .andExpect(redirectedUrl("/admin/outgoing-email-servers"))
                .andExpect(flash().attribute("saved", "Deleted '" + name + "'"));
        assertThat(api.admin().get("/api/outgoing-servers/" + id).status()).isEqualTo(404);
    }

    @Test
    void aTechnicianIsRefusedAndEveryPostNeedsItsCsrfToken() throws Exception {
        RequestPostProcessor technician = user(Api.TECHNICIAN).roles("TECHNICIAN");
        mvc.perform(get("/admin/outgoing-email-servers/new").with(technician)).andExpect(status().isForbidden());
        mvc.perform(get("/admin/outgoing-email-servers/1/edit").with(technician)).andExpect(status().isForbidden());
        mvc.perform(form(post("/admin/outgoing-email-servers"), "Tech", Map.of()).with(technician))
                .andExpect(status().isForbidden());
        mvc.perform(post("/admin/outgoing-email-servers/1/delete").with(technician).with(csrf()))
                .andExpect(status().isForbidden());

        long before = api.admin().get("/api/outgoing-servers").body().size();
        mvc.perform(post("/admin/outgoing-email-servers").with(AdminPages.ADMIN).param("name", "No token")
                .param("host", "smtp.example.com").param("fromAddress", "desk@example.com")).andExpect(status().isForbidden());
        mvc.perform(post("/admin/outgoing-email-servers/1").with(AdminPages.ADMIN)).andExpect(status().isForbidden());
        mvc.perform(post("/admin/outgoing-email-servers/1/delete").with(AdminPages.ADMIN)).andExpect(status().isForbidden());
        assertThat(api.admin().get("/api/outgoing-servers").body().size()).isEqualTo(before);
    }

    /** A complete form for the GreenMail server, with {@code changes} replacing its values. */
    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String name,
            Map<String, String> changes) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("preset", "CUSTOM");
        values.put("name", name);
        values.put("host", "127.0.0.1");
        values.put("port", String.valueOf(greenMail.getSmtp().getPort()));
        values.put("security", "NONE");
        values.put("authentication", "PASSWORD");
        values.put("username", USER);
        values.put("password", PASSWORD);
        values.put("fromAddress", USER);
        values.put("fromName", "Service Desk");
        values.put("replyToAddress", "help@example.com");
        values.put("enabled", "true");
        values.put("maxAttachmentMegabytes", "20");
        values.put("connectTimeoutSeconds", "10");
        values.put("readTimeoutSeconds", "60");
        values.putAll(changes);
        values.forEach(request::param);
        return request.with(AdminPages.ADMIN).with(csrf());
    }

    private static String fieldError(Document page, String field) {
        return page.select("label:has(#" + field + ") .field-error").text();
    }

    private JsonNode serverNamed(String name) {
        for (JsonNode server : api.admin().get("/api/outgoing-servers").body()) {
            if (server.get("name").asString().equals(name)) {
                return server;
            }
        }
        throw new AssertionError("no outgoing server named " + name);
    }
}
