package dev.mailroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/** Reprocess after the admin fixed the configuration, with a preview first; and the dry run that changes nothing. */
@MailroomTest
@Import(IntakeHarness.class)
class IntakeRerunTest {

    private static final List<String> TABLES = List.of("ticket", "ticket_counter", "conversation", "attachment",
            "audit_entry", "inbound_email", "desk_user");

    @RegisterExtension
    static final GreenMailExtension greenMail = new GreenMailExtension(
            ServerSetup.createCopy(ServerSetupTest.ALL, setup -> setup.createCopy("127.0.0.1").dynamicPort()));

    @Autowired
    IntakeHarness intake;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;

    @Test
    void removingTheSenderFromTheIgnoreListThenReprocessingMakesTheTicket() throws Exception {
        var desk = intake.desk(greenMail, "filterType", "IGNORE", "filterEntries", List.of("partner.test"));
        JsonNode ignored = intake.receive(desk, """
                From: lee@partner.test
                To: %DESK%
                Subject: Order system down
                Message-ID: <rerun-1@partner.test>

                Nothing works since this morning.
                """);
        assertThat(ignored.get("message").asString()).isEqualTo("Sender matched spam/ignore filter");
        long inboundId = ignored.get("inboundEmailId").asLong();

        assertThat(api.admin().post("/api/intake/emails/" + inboundId + "/preview", null).get("status").asString())
                .isEqualTo("RECEIVED_IGNORED");

        var server = new LinkedHashMap<String, Object>(toMap(api.admin().get("/api/incoming-servers/" + desk.serverId()).body()));
        server.put("filterEntries", List.of());
        server.remove("password");
        assertThat(api.admin().put("/api/incoming-servers/" + desk.serverId(), server).status()).isEqualTo(200);

        Map<String, Long> before = counts();
        var preview = api.admin().post("/api/intake/emails/" + inboundId + "/preview", null);
        assertThat(preview.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(preview.get("trace").findValuesAsString("detail")).anyMatch(detail -> detail.startsWith("would create a ticket"));
        assertThat(counts()).isEqualTo(before);

        var reprocessed = api.admin().post("/api/intake/emails/" + inboundId + "/reprocess", null);
        assertThat(reprocessed.status()).isEqualTo(200);
        assertThat(reprocessed.get("status").asString()).isEqualTo("PROCESSED");
        String displayId = reprocessed.get("ticketDisplayId").asString();
        assertThat(api.admin().get("/api/tickets/" + displayId).get("subject").asString()).isEqualTo("Order system down");
        assertThat(jdbc.sql("select state from inbound_email where id = :id").param("id", inboundId).query(String.class).single())
                .isEqualTo("PROCESSED");
        var latest = api.admin().get("/api/audit?messageId=rerun-1@partner.test").get("items").get(0);
        assertThat(latest.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(latest.get("ticketDisplayId").asString()).isEqualTo(displayId);

        var again = api.admin().post("/api/intake/emails/" + inboundId + "/reprocess", null);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.get("detail").asString()).contains("PROCESSED");
    }

    @Test
    void dryRunOfAnUploadedEmailChangesNothing() throws Exception {
        var desk = intake.desk(greenMail, "filterType", "IGNORE", "filterEntries", List.of("junk.test"));
        Map<String, Long> before = counts();

        JsonNode wouldCreate = dryRun(desk.serverId(), """
                From: Mia <mia@customer.test>
                To: %s
                Subject: Monitor flickers
                Message-ID: <dry-1@customer.test>
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="x"

                --x
                Content-Type: text/plain

                It flickers.
                --x
                Content-Type: image/png; name="photo.png"
                Content-Transfer-Encoding: base64

                iVBORw0KGgo=
                --x--
                """.formatted(desk.address()));
        JsonNode wouldIgnore = dryRun(desk.serverId(), """
                From: offers@junk.test
                To: %s
                Subject: Cheap stuff
                Message-ID: <dry-2@junk.test>

                buy
                """.formatted(desk.address()));

        assertThat(wouldCreate.get("status").asString()).isEqualTo("PROCESSED");
        assertThat(wouldCreate.get("trace").findValuesAsString("detail"))
                .anyMatch(detail -> detail.contains("would create a ticket") && detail.contains("1 attachment"));
        assertThat(wouldIgnore.get("status").asString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(wouldIgnore.get("message").asString()).isEqualTo("Sender matched spam/ignore filter");
        assertThat(counts()).isEqualTo(before);
    }

    @Test
    void reprocessOnlyWhatCanBeReprocessedAndOnlyAsAdmin() {
        assertThat(api.admin().post("/api/intake/emails/999999/reprocess", null).status()).isEqualTo(404);
        assertThat(api.technician().post("/api/intake/emails/1/preview", null).status()).isEqualTo(403);
        assertThat(api.anonymous().postRaw("/api/intake/dry-run", "message/rfc822", "x".getBytes()).status()).isEqualTo(401);
        assertThat(api.admin().postRaw("/api/intake/dry-run?server=987654", "message/rfc822",
                "From: a@b.test\r\n\r\nx".getBytes()).status()).isEqualTo(404);
    }

    private JsonNode dryRun(long serverId, String raw) {
        var response = api.admin().postRaw("/api/intake/dry-run?server=" + serverId, "message/rfc822",
                raw.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.body();
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, jdbc.sql("select count(*) from " + table).query(Long.class).single());
        }
        counts.put("ticket_counter_total", jdbc.sql("select coalesce(sum(last_number), 0) from ticket_counter").query(Long.class).single());
        return counts;
    }

    private static Map<String, Object> toMap(JsonNode node) {
        Map<String, Object> map = new LinkedHashMap<>();
        node.properties().forEach(entry -> map.put(entry.getKey(), toValue(entry.getValue())));
        return map;
    }

    private static Object toValue(JsonNode value) {
        if (value.isArray()) {
            return value.valueStream().map(IntakeRerunTest::toValue).toList();
        }
        if (value.isBoolean()) {
            return value.asBoolean();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        return value.isNull() ? null : value.asString();
    }
}
