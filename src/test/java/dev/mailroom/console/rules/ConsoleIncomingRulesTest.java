package dev.mailroom.console.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import dev.mailroom.console.AdminPages;
import dev.mailroom.console.ConsoleTest;
import dev.mailroom.testing.Api;
import tools.jackson.databind.JsonNode;

/**
 * Admin › Support Channels › Emails › Incoming Email Rules: the ordered list in words, the form with errors at their
 * fields, reorder, enable/disable, delete, and "Try it" with an uploaded email that changes nothing.
 */
@ConsoleTest
class ConsoleIncomingRulesTest {

    private static final String PATH = "/admin/incoming-email-rules";

    @Autowired
    MockMvc mvc;
    @Autowired
    AdminPages pages;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theListShowsEachRuleInOrderInWordsAndTheMenuLeadsThere() throws Exception {
        String tag = tag();
        long id = rule("Vendors " + tag, List.of(condition("FROM", "DOMAIN_IS", tag + ".test"),
                condition("SUBJECT", "CONTAINS", "<b>invoice</b>")), List.of(Map.of("type", "SET_PRIORITY", "value", "HIGH"),
                Map.of("type", "STOP")));

        Document page = pages.get(PATH);

        assertThat(page.select("nav a.active").text()).isEqualTo("Incoming Email Rules");
        var row = page.select("#rule-" + id);
        assertThat(row.select(".rule-name").text()).isEqualTo("Vendors " + tag);
        assertThat(row.select(".conditions").text())
                .isEqualTo("From is in the domain \"" + tag + ".test\" and Subject contains \"<b>invoice</b>\"");
        assertThat(row.select(".conditions").html()).as("rule text is escaped").contains("&lt;b&gt;invoice&lt;/b&gt;");
        assertThat(row.select(".actions").text()).isEqualTo("set the priority to HIGH stop: later rules are not evaluated");
        assertThat(row.select(".server").text()).isEqualTo("All servers");
        assertThat(row.select(".status").text()).isEqualTo("enabled");
        assertThat(row.select("td").first().text()).isEqualTo(String.valueOf(position(id)));
    }

    @Test
    void aRuleIsCreatedWithErrorsShownAtTheirFieldsFirstThenEdited() throws Exception {
        String tag = tag();
        long before = ruleCount();

        Document refused = html(mvc.perform(ruleForm(post(PATH), "")
                        .param("conditions[0].field", "SUBJECT").param("conditions[0].operator", "REGEX")
                        .param("conditions[0].value", "([unclosed")
                        .param("conditions[1].field", "FROM").param("conditions[1].operator", "CONTAINS")
                        .param("conditions[1].value", "")
                        .param("actions[0].type", "").param("actions[1].type", "SET_PRIORITY")
                        .param("actions[1].value", "SOON"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(fieldError(refused, "name")).isEqualTo("must not be blank");
        assertThat(fieldError(refused, "conditions0.value")).startsWith("is not a valid regular expression");
        assertThat(fieldError(refused, "actions1.value")).startsWith("must be one of");
        assertThat(refused.select("#conditions0\\.value").val()).isEqualTo("([unclosed");
        assertThat(ruleCount()).isEqualTo(before);

        mvc.perform(ruleForm(post(PATH), "Urgent " + tag)
                        .param("conditions[0].field", "SUBJECT").param("conditions[0].operator", "CONTAINS")
                        .param("conditions[0].value", "down " + tag)
                        .param("actions[0].type", "SET_PRIORITY").param("actions[0].value", "URGENT"))
                .andExpect(redirectedUrl(PATH)).andExpect(flash().attribute("saved", "Saved 'Urgent " + tag + "'"));
        JsonNode created = ruleNamed("Urgent " + tag);
        assertThat(created.get("conditions").get(0).get("value").asString()).isEqualTo("down " + tag);
        long id = created.get("id").asLong();

        Document edit = pages.get(PATH + "/" + id + "/edit");
        assertThat(edit.select("#name").val()).isEqualTo("Urgent " + tag);
        assertThat(edit.select("#conditions0\\.value").val()).isEqualTo("down " + tag);
        assertThat(edit.select("#actions0\\.type option[selected]").val()).isEqualTo("SET_PRIORITY");
        assertThat(edit.select("#incoming-rule-form input[name=_csrf]")).hasSize(1);

        mvc.perform(ruleForm(post(PATH + "/" + id), "Urgent " + tag).param("matchMode", "ANY")
                        .param("conditions[0].field", "SUBJECT").param("conditions[0].operator", "CONTAINS")
                        .param("conditions[0].value", "outage " + tag)
                        .param("conditions[1].field", "HEADER").param("conditions[1].headerName", "X-Priority")
                        .param("conditions[1].operator", "EQUALS").param("conditions[1].value", "1")
                        .param("actions[0].type", "SET_PRIORITY").param("actions[0].value", "URGENT"))
                .andExpect(redirectedUrl(PATH));
        JsonNode edited = api.admin().get("/api/incoming-rules/" + id).body();
        assertThat(edited.get("matchMode").asString()).isEqualTo("ANY");
        assertThat(edited.get("conditions")).hasSize(2);
        assertThat(edited.get("conditions").get(1).get("headerName").asString()).isEqualTo("X-Priority");

        Document clash = html(mvc.perform(ruleForm(post(PATH), "URGENT " + tag)
                        .param("conditions[0].field", "SUBJECT").param("conditions[0].operator", "CONTAINS")
                        .param("conditions[0].value", "x").param("actions[0].type", "IGNORE"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(fieldError(clash, "name")).isEqualTo("An Incoming Email Rule named 'Urgent " + tag + "' already exists");
    }

    @Test
    void movingARuleDownSwapsItWithTheNextOne() throws Exception {
        String tag = tag();
        long first = rule("First " + tag, List.of(condition("SUBJECT", "CONTAINS", tag)), List.of(Map.of("type", "STOP")));
        long second = rule("Second " + tag, List.of(condition("SUBJECT", "CONTAINS", tag)), List.of(Map.of("type", "STOP")));
        assertThat(position(first)).isLessThan(position(second));

        mvc.perform(post(PATH + "/" + first + "/down").with(AdminPages.ADMIN).with(csrf()))
                .andExpect(redirectedUrl(PATH)).andExpect(flash().attribute("saved", "Moved 'First " + tag + "' down"));

        assertThat(position(second)).isLessThan(position(first));
        List<String> names = pages.get(PATH).select("#rules .rule-name").eachText();
        assertThat(names.indexOf("Second " + tag)).isLessThan(names.indexOf("First " + tag));

        mvc.perform(post(PATH + "/" + first + "/up").with(AdminPages.ADMIN).with(csrf())).andExpect(redirectedUrl(PATH));
        assertThat(position(first)).isLessThan(position(second));
    }

    @Test
    void aRuleIsDisabledAndEnabledAgain() throws Exception {
        String tag = tag();
        long id = rule("Switch " + tag, List.of(condition("SUBJECT", "CONTAINS", tag)), List.of(Map.of("type", "STOP")));

        mvc.perform(post(PATH + "/" + id + "/disable").with(AdminPages.ADMIN).with(csrf())).andExpect(redirectedUrl(PATH));
        assertThat(api.admin().get("/api/incoming-rules/" + id).get("enabled").asBoolean()).isFalse();
        Document page = pages.get(PATH);
        assertThat(page.select("#rule-" + id + " .status").text()).isEqualTo("disabled");
        assertThat(page.select("#rule-" + id + " button.switch").text()).isEqualTo("Enable");

        mvc.perform(post(PATH + "/" + id + "/enable").with(AdminPages.ADMIN).with(csrf())).andExpect(redirectedUrl(PATH));
        JsonNode enabled = api.admin().get("/api/incoming-rules/" + id).body();
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("conditions").get(0).get("value").asString()).as("the rest is kept").isEqualTo(tag);
    }

    @Test
    void aRuleIsDeletedAfterConfirmation() throws Exception {
        String tag = tag();
        long id = rule("Doomed " + tag, List.of(condition("SUBJECT", "CONTAINS", tag)), List.of(Map.of("type", "STOP")));

        Document confirm = pages.get(PATH + "/" + id + "/delete");
        assertThat(confirm.select("h1").text()).isEqualTo("Delete Doomed " + tag + "?");
        assertThat(confirm.select("#delete-form input[name=_csrf]")).hasSize(1);
        assertThat(api.admin().get("/api/incoming-rules/" + id).status()).as("asking deletes nothing").isEqualTo(200);

        mvc.perform(post(PATH + "/" + id + "/delete").with(AdminPages.ADMIN).with(csrf()))
                .andExpect(redirectedUrl(PATH)).andExpect(flash().attribute("saved", "Deleted 'Doomed " + tag + "'"));
        assertThat(api.admin().get("/api/incoming-rules/" + id).status()).isEqualTo(404);
        mvc.perform(get(PATH + "/" + id + "/edit").with(AdminPages.ADMIN)).andExpect(status().isNotFound());
    }

    @Test
    void tryingAnUploadedEmailShowsItsOutcomeAndTheRuleThatFiredAndWritesNothing() throws Exception {
        String tag = tag();
        String sender = "noisy-" + tag + "@spam.test";
        rule("Silence " + tag, List.of(condition("FROM", "EQUALS", sender)), List.of(Map.of("type", "IGNORE")));
        long inbound = count("inbound_email");
        long audit = count("audit_entry");
        long tickets = count("ticket");

        Document tried = html(mvc.perform(multipart(PATH + "/try").file(eml(sender, "<script>x()</script> " + tag))
                        .with(AdminPages.ADMIN).with(csrf()).header("HX-Request", "true"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));

        assertThat(tried.select("#tried-status").text()).isEqualTo("RECEIVED IGNORED");
        assertThat(tried.select("#tried-message").text()).isEqualTo("Ignored by Incoming Email Rule \"Silence " + tag + "\"");
        assertThat(tried.select("#rules-fired").text()).contains("rule \"Silence " + tag + "\" matched");
        assertThat(tried.select("#tried-trace tbody tr td:nth-child(2)").eachText()).contains("incoming-rules");
        assertThat(tried.select("#rules")).as("htmx gets only the Try it panel").isEmpty();
        assertThat(count("inbound_email")).isEqualTo(inbound);
        assertThat(count("audit_entry")).isEqualTo(audit);
        assertThat(count("ticket")).isEqualTo(tickets);

        Document other = html(mvc.perform(multipart(PATH + "/try").file(eml("someone-" + tag + "@customer.test", tag))
                        .with(AdminPages.ADMIN).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(other.select("#rules")).as("without htmx, the whole page").isNotEmpty();
        assertThat(other.select("#tried-status").text()).isEqualTo("PROCESSED");
        assertThat(count("ticket")).isEqualTo(tickets);

        Document nothing = pages.post(PATH + "/try", true);
        assertThat(nothing.select("#try-problem").text()).isEqualTo("Choose an email (.eml file) to try");
    }

    @Test
    void aTechnicianIsRefusedAndFormsNeedTheCsrfToken() throws Exception {
        api.technician();
        var technician = user(Api.TECHNICIAN).roles("TECHNICIAN");
        mvc.perform(get(PATH).with(technician)).andExpect(status().isForbidden());
        mvc.perform(get(PATH + "/new").with(technician)).andExpect(status().isForbidden());
        mvc.perform(post(PATH).with(technician).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(post(PATH + "/1/delete").with(technician).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(multipart(PATH + "/try").file(eml("a@b.test", "x")).with(technician).with(csrf()))
                .andExpect(status().isForbidden());

        for (String action : new String[] {"", "/1", "/1/up", "/1/down", "/1/enable", "/1/disable", "/1/delete"}) {
            mvc.perform(post(PATH + action).with(AdminPages.ADMIN)).andExpect(status().isForbidden());
        }
        mvc.perform(multipart(PATH + "/try").file(eml("a@b.test", "x")).with(AdminPages.ADMIN))
                .andExpect(status().isForbidden());
    }

    private long rule(String name, List<Map<String, String>> conditions, List<Map<String, String>> actions) {
        Api.Response created = api.admin().post("/api/incoming-rules",
                Map.of("name", name, "conditions", conditions, "actions", actions));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private static Map<String, String> condition(String field, String operator, String value) {
        return Map.of("field", field, "operator", operator, "value", value);
    }

    private int position(long id) {
        return api.admin().get("/api/incoming-rules/" + id).get("position").asInt();
    }

    private long ruleCount() {
        return api.admin().get("/api/incoming-rules").body().size();
    }

    private JsonNode ruleNamed(String name) {
        for (JsonNode rule : api.admin().get("/api/incoming-rules").body()) {
            if (rule.get("name").asString().equals(name)) {
                return rule;
            }
        }
        throw new AssertionError("no incoming rule named " + name);
    }

    private long count(String table) {
        return jdbc.sql("select count(*) from " + table).query(Long.class).single();
    }

    private static MockMultipartFile eml(String from, String subject) {
        String raw = "From: " + from + "\r\nTo: desk@example.com\r\nSubject: " + subject + "\r\nMessage-ID: <"
                + UUID.randomUUID() + "@try.test>\r\nDate: Thu, 3 Dec 2026 09:00:00 +0000\r\n\r\nHello\r\n";
        return new MockMultipartFile("email", "try.eml", "message/rfc822", raw.getBytes(StandardCharsets.US_ASCII));
    }

    private static MockHttpServletRequestBuilder ruleForm(MockHttpServletRequestBuilder request, String name) {
        return request.with(AdminPages.ADMIN).with(csrf()).param("name", name)
                .param("enabled", "true");
    }

    private static String fieldError(Document page, String field) {
        return page.select("label:has(#" + field.replace(".", "\\.") + ") .field-error").text();
    }

    private static Document html(String body) {
        return Jsoup.parse(body);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 8);
    }
}
