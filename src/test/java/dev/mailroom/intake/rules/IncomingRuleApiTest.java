package dev.mailroom.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.Api.Response;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/**
 * The rules API over real HTTP: round trip, validation errors as problem details, reorder, admin only. Conditions use
 * subjects no other test's mail carries, since the application (and its rules) is shared between test classes.
 */
@MailroomTest
class IncomingRuleApiTest {

    private static final String RULES = "/api/incoming-rules";

    @Autowired
    Api api;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final List<Long> created = new ArrayList<>();

    @AfterEach
    void deleteCreatedRules() {
        created.forEach(id -> api.admin().delete(RULES + "/" + id));
    }

    @Test
    void roundTrip() {
        long group = api.admin().post("/api/groups", Map.of("name", "Rules group " + tag)).get("id").asLong();
        long category = api.admin().post("/api/categories", Map.of("name", "Rules category " + tag)).get("id").asLong();
        Map<String, Object> body = rule("Printers " + tag,
                List.of(condition("SUBJECT", "contains", "never-sent-" + tag),
                        Map.of("field", "HEADER", "headerName", "X-Mailer", "operator", "REGEX", "value", "^mass.*")),
                List.of(action("SET_TECHNICIAN_GROUP", String.valueOf(group)), action("SET_CATEGORY", String.valueOf(category)),
                        action("SET_PRIORITY", "high"), action("SET_REQUESTER", "owner@example.com"), action("STOP", null)));
        body.put("matchMode", "ANY");

        Response response = api.admin().post(RULES, body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        long id = keep(response);
        assertThat(response.get("name").asString()).isEqualTo("Printers " + tag);
        assertThat(response.get("enabled").asBoolean()).isTrue();
        assertThat(response.get("matchMode").asString()).isEqualTo("ANY");
        assertThat(response.body().has("incomingServerId")).as("no server: the rule applies to all").isFalse();
        assertThat(response.get("conditions").get(0).get("operator").asString()).isEqualTo("CONTAINS");
        assertThat(response.get("conditions").get(1).get("headerName").asString()).isEqualTo("X-Mailer");
        assertThat(response.get("actions").findValuesAsString("type")).containsExactly("SET_TECHNICIAN_GROUP",
                "SET_CATEGORY", "SET_PRIORITY", "SET_REQUESTER", "STOP");
        assertThat(response.get("actions").get(2).get("value").asString()).isEqualTo("HIGH");
        assertThat(api.admin().get(RULES + "/" + id).body()).isEqualTo(response.body());

        Map<String, Object> changed = rule("Printers renamed " + tag, List.of(condition("FROM", "DOMAIN_IS", "printers.test")),
                List.of(action("IGNORE", null)));
        changed.put("enabled", false);
        Response updated = api.admin().put(RULES + "/" + id, changed);
        assertThat(updated.status()).as(updated.body().toString()).isEqualTo(200);
        assertThat(updated.get("name").asString()).isEqualTo("Printers renamed " + tag);
        assertThat(updated.get("enabled").asBoolean()).isFalse();
        assertThat(updated.get("matchMode").asString()).isEqualTo("ALL");
        assertThat(updated.get("position").asInt()).isEqualTo(response.get("position").asInt());
        assertThat(updated.get("actions").findValuesAsString("type")).containsExactly("IGNORE");

        assertThat(api.admin().delete(RULES + "/" + id).status()).isEqualTo(204);
        assertThat(api.admin().get(RULES + "/" + id).status()).isEqualTo(404);
        assertThat(api.admin().delete(RULES + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void invalidRulesAreAnsweredFieldByField() {
        Response empty = api.admin().post(RULES, Map.of("name", " "));
        assertProblem(empty, 400, "name", "must not be blank");
        assertProblem(empty, 400, "conditions", "at least one condition");
        assertProblem(empty, 400, "actions", "at least one action");

        Response wrong = api.admin().post(RULES, Map.of(
                "name", "Broken " + tag,
                "matchMode", "SOME",
                "incomingServerId", 987654,
                "conditions", List.of(
                        condition("SUBJECT", "REGEX", "(unclosed"),
                        condition("HEADER", "CONTAINS", "x"),
                        condition("SUBJECT", "DOMAIN_IS", "example.com"),
                        condition("RECIPIENT", "LIKE", ""),
                        condition("FROM", "DOMAIN_IS", "not a domain")),
                "actions", List.of(
                        action("SET_TECHNICIAN_GROUP", "987654"),
                        action("SET_CATEGORY", "abc"),
                        action("SET_PRIORITY", "SOMEDAY"),
                        action("SET_REQUESTER", "nobody"),
                        action("STOP", "now"),
                        action("STOP", null),
                        action("FORWARD", "x"))));
        assertProblem(wrong, 400, "matchMode", "one of [ALL, ANY]");
        assertProblem(wrong, 400, "incomingServerId", "Incoming server 987654 does not exist");
        assertProblem(wrong, 400, "conditions[0].value", "not a valid regular expression");
        assertProblem(wrong, 400, "conditions[1].headerName", "required for a HEADER condition");
        assertProblem(wrong, 400, "conditions[2].operator", "DOMAIN_IS applies to the address fields");
        assertProblem(wrong, 400, "conditions[3].field", "one of [FROM, TO, CC, SUBJECT, BODY, HEADER]");
        assertProblem(wrong, 400, "conditions[3].operator", "one of [CONTAINS, EQUALS, REGEX, DOMAIN_IS]");
        assertProblem(wrong, 400, "conditions[3].value", "must not be empty");
        assertProblem(wrong, 400, "conditions[4].value", "must be a domain");
        assertProblem(wrong, 400, "actions[0].value", "Technician group 987654 does not exist");
        assertProblem(wrong, 400, "actions[1].value", "must be the id of a category");
        assertProblem(wrong, 400, "actions[2].value", "one of [LOW, MEDIUM, HIGH, URGENT]");
        assertProblem(wrong, 400, "actions[3].value", "must be an email address");
        assertProblem(wrong, 400, "actions[4].value", "STOP takes no value");
        assertProblem(wrong, 400, "actions[5].type", "STOP is listed twice");
        assertProblem(wrong, 400, "actions[6].type", "one of [SET_TECHNICIAN_GROUP");
        assertThat(wrong.get("detail").asString()).contains("conditions[0].value");

        assertThat(api.admin().get(RULES).body().findValuesAsString("name")).doesNotContain("Broken " + tag);
    }

    @Test
    void aBodyOfTheWrongShapeNamesTheField() {
        assertProblem(api.admin().post(RULES, "{\"name\": \"Shape\", \"enabled\": \"maybe\"}"), 400, "enabled",
                "must be true or false");
        assertProblem(api.admin().post(RULES, "{\"name\": \"Shape\", \"conditions\": \"subject has x\"}"), 400,
                "conditions", "must be a list");
        assertProblem(api.admin().post(RULES, "{\"name\": \"Shape\", \"incomingServerId\": \"first\"}"), 400,
                "incomingServerId", "must be a number");
        assertProblem(api.admin().put(RULES + "/order", "[1, \"two\"]"), 400, "ids[1]", "must be a number");
        assertProblem(api.admin().put(RULES + "/order", "{"), 400, "body", "must be JSON");
    }

    @Test
    void namesAreUniqueIgnoringCase() {
        keep(api.admin().post(RULES, simpleRule("Duplicate " + tag)));

        Response again = api.admin().post(RULES, simpleRule("  DUPLICATE " + tag + " "));

        assertProblem(again, 409, "name", "already exists");
        long other = keep(api.admin().post(RULES, simpleRule("Other " + tag)));
        assertProblem(api.admin().put(RULES + "/" + other, simpleRule("duplicate " + tag)), 409, "name", "already exists");
    }

    @Test
    void reorderPutsTheRulesInTheGivenOrder() {
        long first = keep(api.admin().post(RULES, simpleRule("First " + tag)));
        long second = keep(api.admin().post(RULES, simpleRule("Second " + tag)));
        long third = keep(api.admin().post(RULES, simpleRule("Third " + tag)));
        List<Long> others = ids(api.admin().get(RULES).body()).stream()
                .filter(id -> id != first && id != second && id != third).toList();
        assertThat(ids(api.admin().get(RULES).body())).containsSubsequence(first, second, third);

        List<Long> order = new ArrayList<>(others);
        order.addAll(List.of(third, first, second));
        Response reordered = api.admin().put(RULES + "/order", order);

        assertThat(reordered.status()).as(reordered.body().toString()).isEqualTo(200);
        assertThat(ids(reordered.body())).containsExactlyElementsOf(order);
        assertThat(ids(api.admin().get(RULES).body())).containsExactlyElementsOf(order);

        List<Long> missingOne = new ArrayList<>(order.subList(0, order.size() - 1));
        assertProblem(api.admin().put(RULES + "/order", missingOne), 400, "ids", "must list every rule once; missing [" + second + "]");
        List<Long> twice = new ArrayList<>(order);
        twice.add(first);
        assertProblem(api.admin().put(RULES + "/order", twice), 400, "ids", "is listed twice");
        List<Long> unknown = new ArrayList<>(order);
        unknown.add(987654L);
        assertProblem(api.admin().put(RULES + "/order", unknown), 400, "ids", "987654 does not exist");
        assertThat(ids(api.admin().get(RULES).body())).as("a refused order changes nothing").containsExactlyElementsOf(order);
    }

    @Test
    void onlyAdminsSeeOrChangeRules() {
        long id = keep(api.admin().post(RULES, simpleRule("Admin only " + tag)));

        assertThat(api.technician().get(RULES).status()).isEqualTo(403);
        assertThat(api.technician().get(RULES + "/" + id).status()).isEqualTo(403);
        assertThat(api.technician().post(RULES, simpleRule("Tech " + tag)).status()).isEqualTo(403);
        assertThat(api.technician().put(RULES + "/" + id, simpleRule("Tech " + tag)).status()).isEqualTo(403);
        assertThat(api.technician().put(RULES + "/order", List.of(id)).status()).isEqualTo(403);
        assertThat(api.technician().delete(RULES + "/" + id).status()).isEqualTo(403);
        assertThat(api.anonymous().get(RULES).status()).isEqualTo(401);
        assertThat(api.admin().get(RULES + "/" + id).get("name").asString()).isEqualTo("Admin only " + tag);
    }

    private long keep(Response response) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        long id = response.get("id").asLong();
        created.add(id);
        return id;
    }

    private Map<String, Object> simpleRule(String name) {
        return rule(name, List.of(condition("SUBJECT", "EQUALS", "never-sent-" + tag)), List.of(action("SET_PRIORITY", "LOW")));
    }

    private static Map<String, Object> rule(String name, List<?> conditions, List<?> actions) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("name", name);
        rule.put("conditions", conditions);
        rule.put("actions", actions);
        return rule;
    }

    private static Map<String, Object> condition(String field, String operator, String value) {
        return Map.of("field", field, "operator", operator, "value", value);
    }

    private static Map<String, Object> action(String type, String value) {
        Map<String, Object> action = new LinkedHashMap<>();
        action.put("type", type);
        if (value != null) {
            action.put("value", value);
        }
        return action;
    }

    private static List<Long> ids(JsonNode rules) {
        List<Long> ids = new ArrayList<>();
        rules.forEach(rule -> ids.add(rule.get("id").asLong()));
        return ids;
    }

    private static void assertProblem(Response response, int status, String field, String message) {
        assertThat(response.status()).as(response.body().toString()).isEqualTo(status);
        assertThat(response.headers().getContentType().toString()).isEqualTo("application/problem+json");
        for (JsonNode error : response.get("errors")) {
            if (error.get("field").asString().equals(field)) {
                assertThat(error.get("message").asString()).contains(message);
                return;
            }
        }
        throw new AssertionError("No error for " + field + " in " + response.body());
    }
}
