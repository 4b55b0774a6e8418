package dev.mailroom.intake.rules;

import static dev.mailroom.intake.IntakeHarness.step;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.intake.IntakeHarness.Desk;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * Rules end to end: GreenMail mailbox → fetch → intake → audit entry and ticket. Every rule is bound to its test's own
 * desk server, so rules never touch the mail of other tests sharing the application.
 */
@MailroomTest
@Import(IntakeHarness.class)
class IncomingRulesIntakeTest {

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()));

    @Autowired
    IntakeHarness intake;
    @Autowired
    Api api;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<Long> rules = new ArrayList<>();

    @AfterEach
    void deleteRules() {
        rules.forEach(id -> api.admin().delete("/api/incoming-rules/" + id));
    }

    @Test
    void aMatchingRuleOverridesTheServerDefaultsAndOthersKeepThem() throws Exception {
        long defaultGroup = lookup("/api/groups", "Service desk " + tag);
        long defaultCategory = lookup("/api/categories", "General " + tag);
        long printerGroup = lookup("/api/groups", "Printer team " + tag);
        long printerCategory = lookup("/api/categories", "Printers " + tag);
        Desk desk = intake.desk(greenMail, "technicianGroupId", defaultGroup, "categoryId", defaultCategory);
        rule(desk, "Printers " + tag, List.of(condition("SUBJECT", "CONTAINS", "printer")),
                action("SET_TECHNICIAN_GROUP", printerGroup), action("SET_CATEGORY", printerCategory),
                action("SET_PRIORITY", "URGENT"));

        JsonNode matched = intake.receive(desk, plain("alice@customer.test", "The PRINTER is on fire", "<rule-1@customer.test>"));

        assertThat(matched.get("status").asString()).isEqualTo("PROCESSED");
        JsonNode ticket = api.admin().get("/api/tickets/" + matched.get("ticketDisplayId").asString()).body();
        assertThat(ticket.get("group").get("id").asLong()).isEqualTo(printerGroup);
        assertThat(ticket.get("category").get("id").asLong()).isEqualTo(printerCategory);
        assertThat(ticket.get("priority").asString()).isEqualTo("URGENT");
        assertThat(step(matched, "incoming-rules").get("detail").asString()).contains("rule \"Printers " + tag + "\" matched",
                "technician group \"Printer team " + tag + "\"", "category \"Printers " + tag + "\"", "priority URGENT");
        assertThat(step(matched, "server-defaults").get("detail").asString()).isEqualTo("nothing to apply");

        JsonNode unmatched = intake.receive(desk, plain("alice@customer.test", "VPN is down", "<rule-2@customer.test>"));

        JsonNode plainTicket = api.admin().get("/api/tickets/" + unmatched.get("ticketDisplayId").asString()).body();
        assertThat(plainTicket.get("group").get("id").asLong()).isEqualTo(defaultGroup);
        assertThat(plainTicket.get("category").get("id").asLong()).isEqualTo(defaultCategory);
        assertThat(plainTicket.get("priority").asString()).isNotEqualTo("URGENT");
        assertThat(step(unmatched, "incoming-rules").get("detail").asString()).startsWith("no rule matched");
    }

    @Test
    void ignoreEndsTheEmailNamingTheRule() throws Exception {
        Desk desk = intake.desk(greenMail);
        rule(desk, "Newsletters " + tag, List.of(condition("FROM", "DOMAIN_IS", "letters.test")), action("IGNORE", null));
        long ticketsBefore = intake.tickets();

        JsonNode entry = intake.receive(desk, plain("news@weekly.letters.test", "This week's deals", "<news-1@letters.test>"));

        assertThat(entry.get("status").asString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(entry.get("message").asString()).isEqualTo("Ignored by Incoming Email Rule \"Newsletters " + tag + "\"");
        assertThat(entry.has("ticketDisplayId")).isFalse();
        assertThat(intake.tickets()).isEqualTo(ticketsBefore);
        assertThat(step(entry, "incoming-rules").get("verdict").asString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(step(entry, "incoming-rules").get("detail").asString())
                .contains("rule \"Newsletters " + tag + "\" matched", "ignore the email");
    }

    @Test
    void stopKeepsLaterRulesFromRunningAndEveryFiredRuleIsNamed() throws Exception {
        Desk desk = intake.desk(greenMail);
        rule(desk, "Urgent words " + tag, List.of(condition("BODY", "REGEX", "\\b(down|outage)\\b")),
                action("SET_PRIORITY", "HIGH"));
        rule(desk, "VIP " + tag, List.of(condition("FROM", "EQUALS", "ceo@customer.test"),
                condition("SUBJECT", "CONTAINS", "nothing like this")), "ANY",
                action("SET_PRIORITY", "URGENT"), action("STOP", null));
        rule(desk, "Ignore all " + tag, List.of(condition("FROM", "CONTAINS", "@")), action("IGNORE", null));

        JsonNode entry = intake.receive(desk, """
                From: The CEO <CEO@customer.test>
                To: %DESK%
                Subject: Mail server
                Message-ID: <stop-1@customer.test>

                The mail server is down again.
                """);

        assertThat(entry.get("status").asString()).isEqualTo("PROCESSED");
        JsonNode ticket = api.admin().get("/api/tickets/" + entry.get("ticketDisplayId").asString()).body();
        assertThat(ticket.get("priority").asString()).as("the later VIP rule overrides the first").isEqualTo("URGENT");
        String detail = step(entry, "incoming-rules").get("detail").asString();
        assertThat(detail).contains("rule \"Urgent words " + tag + "\" matched: set priority HIGH",
                "rule \"VIP " + tag + "\" matched: set priority URGENT; STOP");
        assertThat(detail).doesNotContain("Ignore all " + tag);
    }

    @Test
    void aDisabledRuleDoesNothing() throws Exception {
        Desk desk = intake.desk(greenMail);
        Map<String, Object> body = body(desk.serverId(), "Disabled " + tag, List.of(condition("SUBJECT", "CONTAINS", "help")),
                "ALL", List.of(action("IGNORE", null)));
        body.put("enabled", false);
        rules.add(created(api.admin().post("/api/incoming-rules", body)));

        JsonNode entry = intake.receive(desk, plain("bob@customer.test", "Help with Excel", "<disabled-1@customer.test>"));

        assertThat(entry.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(step(entry, "incoming-rules").get("detail").asString()).startsWith("no rule matched")
                .doesNotContain("Disabled " + tag);
    }

    @Test
    void aRuleBoundToAnotherServerDoesNothingHere() throws Exception {
        Desk desk = intake.desk(greenMail);
        Desk other = intake.desk(greenMail);
        rule(other, "Other desk " + tag, List.of(condition("SUBJECT", "CONTAINS", "laptop")), action("IGNORE", null));

        JsonNode entry = intake.receive(desk, plain("carol@customer.test", "New laptop", "<other-1@customer.test>"));

        assertThat(entry.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(step(entry, "incoming-rules").get("detail").asString()).startsWith("no rule matched");

        JsonNode there = intake.receive(other, plain("carol@customer.test", "New laptop", "<other-2@customer.test>"));
        assertThat(there.get("message").asString()).isEqualTo("Ignored by Incoming Email Rule \"Other desk " + tag + "\"");
    }

    @Test
    void setRequesterRaisesTheTicketForSomeoneElse() throws Exception {
        Desk desk = intake.desk(greenMail);
        rule(desk, "Monitoring " + tag, List.of(Map.of("field", "HEADER", "headerName", "x-monitor", "operator", "EQUALS",
                "value", "nagios")), action("SET_REQUESTER", "Ops-Team@Customer.test"));

        JsonNode entry = intake.receive(desk, """
                From: robot@monitoring.test
                To: %DESK%
                Subject: Disk full on db-1
                X-Monitor: Nagios
                Message-ID: <monitor-1@monitoring.test>

                /var is 99% full.
                """);

        assertThat(entry.get("status").asString()).isEqualTo("PROCESSED");
        JsonNode ticket = api.admin().get("/api/tickets/" + entry.get("ticketDisplayId").asString()).body();
        assertThat(ticket.get("requester").get("email").asString()).isEqualTo("ops-team@customer.test");
        assertThat(step(entry, "incoming-rules").get("detail").asString()).contains("requester ops-team@customer.test");
    }

    @Test
    void aDryRunShowsWhatTheRulesWouldDo() {
        Desk desk = intake.desk(greenMail);
        rule(desk, "Dry newsletters " + tag, List.of(condition("SUBJECT", "CONTAINS", "digest")), action("IGNORE", null));
        long ticketsBefore = intake.tickets();

        var response = api.admin().postRaw("/api/intake/dry-run?server=" + desk.serverId(), "message/rfc822",
                ("From: news@letters.test\r\nTo: " + desk.address() + "\r\nSubject: Weekly digest\r\n"
                        + "Message-ID: <dry-rule-1@letters.test>\r\n\r\nnews\r\n").getBytes(StandardCharsets.UTF_8));

        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        assertThat(response.get("status").asString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(response.get("message").asString()).isEqualTo("Ignored by Incoming Email Rule \"Dry newsletters " + tag + "\"");
        assertThat(intake.tickets()).isEqualTo(ticketsBefore);
    }

    @Test
    void aRegexThatTakesTooLongSkipsItsRuleAndSaysSo() throws Exception {
        Desk desk = intake.desk(greenMail);
        rule(desk, "Backtracker " + tag, List.of(condition("BODY", "REGEX", "(x+x+)+y")), action("IGNORE", null));

        JsonNode entry = intake.receive(desk, "From: erin@customer.test\nTo: %DESK%\nSubject: Logs\n"
                + "Message-ID: <regex-1@customer.test>\n\n" + "x".repeat(5000) + "\n");

        assertThat(entry.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(step(entry, "incoming-rules").get("detail").asString())
                .contains("rule \"Backtracker " + tag + "\" skipped: the regular expression needed too many steps");
    }

    private long lookup(String path, String name) {
        var response = api.admin().post(path, Map.of("name", name));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.get("id").asLong();
    }

    @SafeVarargs
    private void rule(Desk desk, String name, List<Map<String, Object>> conditions, Map<String, Object>... actions) {
        rule(desk, name, conditions, "ALL", actions);
    }

    @SafeVarargs
    private void rule(Desk desk, String name, List<Map<String, Object>> conditions, String mode, Map<String, Object>... actions) {
        rules.add(created(api.admin().post("/api/incoming-rules", body(desk.serverId(), name, conditions, mode, List.of(actions)))));
    }

    private static long created(Api.Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response.get("id").asLong();
    }

    private static Map<String, Object> body(long serverId, String name, List<Map<String, Object>> conditions, String mode,
            List<Map<String, Object>> actions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("incomingServerId", serverId);
        body.put("matchMode", mode);
        body.put("conditions", conditions);
        body.put("actions", actions);
        return body;
    }

    private static Map<String, Object> condition(String field, String operator, String value) {
        return Map.of("field", field, "operator", operator, "value", value);
    }

    /** Ids go as JSON numbers here, as a UI would send them; the API test sends them as text. */
    private static Map<String, Object> action(String type, Object value) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", type);
        if (value != null) {
            action.put("value", value);
        }
        return action;
    }

    private static String plain(String from, String subject, String messageId) {
        return "From: " + from + "\nTo: %DESK%\nSubject: " + subject + "\nMessage-ID: " + messageId + "\n\nPlease help.\n";
    }
}
