package dev.mailroom.intake.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

/** V6 and the rules repository on PostgreSQL: JSON text columns, unique names, order, cascade with the server. */
@MailroomTest
@OnPostgres
class IncomingRulePostgresTest {

    private static final String RULES = "/api/incoming-rules";

    @Autowired
    Api api;

    @Autowired
    IncomingRuleRepository repository;

    @Test
    void rulesRoundTripAndGoWithTheirServer() {
        long serverId = api.admin().post("/api/incoming-servers", Map.of("name", "PG rules desk",
                "mailboxAddresses", List.of("pg-rules@example.com"), "protocol", "IMAP", "host", "127.0.0.1", "port", 143,
                "security", "NONE", "username", "desk", "password", "secret-pw-1", "enabled", false)).get("id").asLong();
        var bound = api.admin().post(RULES, Map.of("name", "Bound", "incomingServerId", serverId,
                "conditions", List.of(Map.of("field", "HEADER", "headerName", "X-Mailer", "operator", "REGEX",
                        "value", "^Mass\"Mail 'ü'")),
                "actions", List.of(Map.of("type", "SET_PRIORITY", "value", "LOW"), Map.of("type", "STOP"))));
        assertThat(bound.status()).as(bound.body().toString()).isEqualTo(201);
        var global = api.admin().post(RULES, Map.of("name", "Global",
                "conditions", List.of(Map.of("field", "FROM", "operator", "DOMAIN_IS", "value", "pg-rules-never.test")),
                "actions", List.of(Map.of("type", "IGNORE"))));
        assertThat(global.status()).as(global.body().toString()).isEqualTo(201);
        long boundId = bound.get("id").asLong();
        long globalId = global.get("id").asLong();

        assertThat(api.admin().get(RULES + "/" + boundId).get("conditions").get(0).get("value").asString())
                .isEqualTo("^Mass\"Mail 'ü'");
        assertThat(repository.findEnabledFor(serverId)).extracting(IncomingRule::name).containsExactly("Bound", "Global");
        assertThat(repository.findEnabledFor(serverId + 1000)).extracting(IncomingRule::name).containsExactly("Global");
        assertThat(api.admin().post(RULES, Map.of("name", "GLOBAL ", "conditions", List.of(Map.of("field", "SUBJECT",
                "operator", "CONTAINS", "value", "x")), "actions", List.of(Map.of("type", "STOP")))).status()).isEqualTo(409);

        var reordered = api.admin().put(RULES + "/order", List.of(globalId, boundId));
        assertThat(reordered.status()).isEqualTo(200);
        List<String> names = new ArrayList<>();
        reordered.body().forEach(rule -> names.add(rule.get("name").asString()));
        assertThat(names).containsExactly("Global", "Bound");

        assertThat(api.admin().delete("/api/incoming-servers/" + serverId).status()).isEqualTo(204);
        assertThat(api.admin().get(RULES + "/" + boundId).status()).as("a server's rules go with it").isEqualTo(404);
        assertThat(api.admin().get(RULES + "/" + globalId).status()).isEqualTo(200);
        // The database is shared with the other PostgreSQL tests; a rule for every server must not outlive this one.
        assertThat(api.admin().delete(RULES + "/" + globalId).status()).isEqualTo(204);
    }
}
