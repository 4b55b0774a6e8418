package dev.mailroom.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/** The admin-only template API: list, read, change, reset, preview against a real ticket, syntax errors as 400. */
@MailroomTest
class NotificationTemplateApiTest {

    private static final String PATH = "/api/notification-templates";

    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void shippedDefaults() {
        jdbc.sql("delete from notification_template").update();
    }

    private static Map<String, Object> template(boolean enabled, String subject, String text, String html) {
        return Map.of("enabled", enabled, "subject", subject, "bodyText", text, "bodyHtml", html);
    }

    @Test
    void listsTheShippedDefaultsOfEveryKind() {
        var list = api.admin().get(PATH);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().valueStream().map(t -> t.get("kind").asString()))
                .containsExactly("ACKNOWLEDGMENT", "TECHNICIAN_REPLY", "TICKET_RESOLVED");
        JsonNode acknowledgment = list.body().get(0);
        assertThat(acknowledgment.get("customized").asBoolean()).isFalse();
        assertThat(acknowledgment.get("enabled").asBoolean()).isTrue();
        assertThat(acknowledgment.get("automatic").asBoolean()).isTrue();
        assertThat(acknowledgment.get("subject").asString()).contains("{{ticket.displayId}}");
        assertThat(list.body().get(1).get("automatic").asBoolean()).isFalse();
    }

    @Test
    void changedTemplateIsKeptAndResetBringsBackTheDefault() {
        String original = api.admin().get(PATH + "/TICKET_RESOLVED").get("subject").asString();

        var saved = api.admin().put(PATH + "/ticket-resolved", template(false, "{{ticket.reference}} done",
                "Done, {{requester.name}}.", "<p>Done, {{requester.name}}.</p>"));

        assertThat(saved.status()).as(saved.body().toString()).isEqualTo(200);
        assertThat(saved.get("customized").asBoolean()).isTrue();
        assertThat(saved.get("updatedBy").asString()).isEqualTo("admin");
        assertThat(saved.get("subjectReferenceAdded").asBoolean()).isFalse();
        assertThat(saved.body().has("notice")).isFalse();
        var read = api.admin().get(PATH + "/TICKET_RESOLVED");
        assertThat(read.get("subject").asString()).isEqualTo("{{ticket.reference}} done");
        assertThat(read.get("enabled").asBoolean()).isFalse();

        var reset = api.admin().post(PATH + "/TICKET_RESOLVED/reset", Map.of());
        assertThat(reset.status()).isEqualTo(200);
        assertThat(reset.get("customized").asBoolean()).isFalse();
        assertThat(api.admin().get(PATH + "/TICKET_RESOLVED").get("subject").asString()).isEqualTo(original);
    }

    @Test
    void aSubjectWithoutTheReferenceIsSavedWithANotice() {
        var saved = api.admin().put(PATH + "/ACKNOWLEDGMENT", template(true, "Thanks for your mail", "t", "h"));

        assertThat(saved.status()).isEqualTo(200);
        assertThat(saved.get("subjectReferenceAdded").asBoolean()).isTrue();
        assertThat(saved.get("notice").asString()).contains("does not contain the ticket reference")
                .contains("[INC-1] Thanks for your mail");
    }

    @Test
    void invalidSyntaxIsABadRequestNamingTheFieldAndTheLine() {
        var broken = api.admin().put(PATH + "/ACKNOWLEDGMENT", template(true, "{{ticket.reference}}", "fine",
                "<p>\n{{#ticket.link}}\n</p>"));

        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.body().toString()).contains("bodyHtml").contains("line");
        var unknown = api.admin().put(PATH + "/ACKNOWLEDGMENT", template(true, "{{ticket.reference}}",
                "Hello\n{{ticket.owner}}", "h"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body().toString()).contains("bodyText").contains("unknown field 'ticket.owner' on line 2");
        assertThat(api.admin().get(PATH + "/ACKNOWLEDGMENT").get("customized").asBoolean())
                .as("nothing was stored").isFalse();
        var missing = api.admin().put(PATH + "/ACKNOWLEDGMENT", Map.of("enabled", true, "subject", "x"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body().toString()).contains("bodyText").contains("bodyHtml");
    }

    @Test
    void previewRendersAgainstARealTicketAndChangesNothing() {
        var ticket = api.admin().post("/api/tickets", Map.of("subject", "VPN <down>", "requesterEmail",
                "vera@customer.test", "requesterName", "Vera", "description", "Since 9am"));
        String ref = ticket.get("displayId").asString();
        long outboxBefore = outboxRows();

        var preview = api.admin().post(PATH + "/ACKNOWLEDGMENT/preview?ticket=" + ref, Map.of());

        assertThat(preview.status()).as(preview.body().toString()).isEqualTo(200);
        assertThat(preview.get("subject").asString()).isEqualTo("[" + ref + "] We received your request: VPN <down>");
        assertThat(preview.get("bodyText").asString()).contains("Hello Vera").contains(ref);
        assertThat(preview.get("bodyHtml").asString()).contains("VPN &lt;down&gt;");
        assertThat(preview.get("requester").asString()).isEqualTo("vera@customer.test");
        assertThat(outboxRows()).isEqualTo(outboxBefore);
        assertThat(api.admin().post(PATH + "/ACKNOWLEDGMENT/preview?ticket=INC-99999", Map.of()).status())
                .isEqualTo(404);
    }

    @Test
    void unknownKindIsNotFound() {
        assertThat(api.admin().get(PATH + "/WELCOME").status()).isEqualTo(404);
    }

    @Test
    void onlyAdminsMayReadOrChangeTemplates() {
        assertThat(api.technician().get(PATH).status()).isEqualTo(403);
        assertThat(api.technician().put(PATH + "/ACKNOWLEDGMENT", template(true, "s", "t", "h")).status()).isEqualTo(403);
        assertThat(api.anonymous().get(PATH).status()).isEqualTo(401);
    }

    private long outboxRows() {
        return jdbc.sql("select count(*) from outbox_email").query(Long.class).single();
    }
}
