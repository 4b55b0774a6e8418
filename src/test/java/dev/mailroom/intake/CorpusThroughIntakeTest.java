package dev.mailroom.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.intake.parse.EmailParser;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Every message of the real-world corpus, stored as the fetcher stores mail, taken through the real intake worker:
 * no exception escapes, each email ends in exactly one final status, and where the corpus says what a help desk
 * should make of an email, we compare.
 */
@MailroomTest
@Import(IntakeHarness.class)
class CorpusThroughIntakeTest {

    private static final Path CORPUS = Path.of("..", "shared", "corpus");

    @Autowired
    IntakeHarness intake;
    @Autowired
    Api api;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    BlobStore blobs;
    @Autowired
    EmailParser parser;
    @Autowired
    ObjectMapper mapper;

    record Row(String path, String source, String category, String categorySource) {
    }

    @Test
    void everyCorpusEmailEndsInExactlyOneFinalStatus() throws Exception {
        assertThat(CORPUS.resolve("index.csv")).as("the shared corpus beside the checkout").exists();
        long serverId = api.admin().post("/api/incoming-servers", Map.of("name", "Corpus", "mailboxAddresses",
                List.of("desk@corpus.invalid"), "protocol", "IMAP", "host", "127.0.0.1", "port", 143, "security", "NONE",
                "username", "desk", "password", "not-used-polling-is-off")).get("id").asLong();
        Map<Long, Row> stored = new HashMap<>();
        for (Row row : messages()) {
            stored.put(store(serverId, row), row);
        }

        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() ->
                jdbc.sql("select count(*) from inbound_email where state = 'RECEIVED'").query(Long.class).single() == 0);

        Map<Long, List<String>> finals = new HashMap<>();
        jdbc.sql("select inbound_email_id, status, message from audit_entry where status <> 'RECEIVED' and inbound_email_id is not null")
                .query(rs -> {
                    // PROCESSED messages name the ticket; the outcome without it is what gets counted.
                    String status = rs.getString(2);
                    String outcome = status.equals("PROCESSED") ? "PROCESSED " : status + " " + rs.getString(3);
                    finals.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(outcome);
                });
        Map<String, Map<String, Integer>> bySource = new TreeMap<>();
        List<String> unexpectedErrors = new ArrayList<>();
        for (var entry : stored.entrySet()) {
            List<String> outcomes = finals.getOrDefault(entry.getKey(), List.of());
            assertThat(outcomes).as(entry.getValue().path()).hasSize(1);
            String outcome = outcomes.get(0);
            bySource.computeIfAbsent(entry.getValue().source(), s -> new TreeMap<>()).merge(outcome, 1, Integer::sum);
            if (outcome.contains("Getting error while creating")) {
                unexpectedErrors.add(entry.getValue().path());
            }
        }
        bySource.forEach((source, outcomes) -> System.out.println("CORPUS " + source + ": " + outcomes));
        assertThat(unexpectedErrors).as("emails that ended in an unexpected error").isEmpty();

        assertAutomatedMailMakesNoTicket(stored, finals);
        assertZammadTitlesAndRequesters(stored, finals);
    }

    /** Bounces, auto-replies and complaint reports, as the corpus's own expectations classify them, never open tickets. */
    private void assertAutomatedMailMakesNoTicket(Map<Long, Row> stored, Map<Long, List<String>> finals) {
        int automated = 0;
        List<String> ticketed = new ArrayList<>();
        for (var entry : stored.entrySet()) {
            Row row = entry.getValue();
            boolean expectedAutomated = row.categorySource().startsWith("expectation:")
                    && List.of("bounce", "auto_reply", "feedback_report", "delay_warning", "dsn_delivered").contains(row.category());
            if (expectedAutomated) {
                automated++;
                if (finals.get(entry.getKey()).get(0).startsWith("PROCESSED ")) {
                    ticketed.add(row.path());
                }
            }
        }
        double rate = 1.0 - (double) ticketed.size() / automated;
        System.out.printf(Locale.ROOT, "CORPUS automated mail without a ticket: %d of %d (%.1f %%); ticketed: %s%n",
                automated - ticketed.size(), automated, rate * 100, ticketed);
        assertThat(rate).isGreaterThanOrEqualTo(0.99);
    }

    /** Zammad's own expectations: the ticket title is the decoded subject, the customer is the sender. */
    private void assertZammadTitlesAndRequesters(Map<Long, Row> stored, Map<Long, List<String>> finals) throws IOException {
        JsonNode expectations = mapper.readTree(CORPUS.resolve("zammad/process-expectations.json").toFile());
        int compared = 0;
        List<String> differences = new ArrayList<>();
        for (var entry : stored.entrySet()) {
            String file = Path.of(entry.getValue().path()).getFileName().toString();
            JsonNode expected = expectations.get(file);
            if (!entry.getValue().source().equals("zammad") || expected == null) {
                continue;
            }
            String outcome = finals.get(entry.getKey()).get(0);
            if (!outcome.startsWith("PROCESSED ")) {
                differences.add(file + ": no ticket (" + outcome.strip() + ")");
                continue;
            }
            compared++;
            var ticket = jdbc.sql("""
                    select t.subject, u.email from ticket t join desk_user u on u.id = t.requester_id
                    where t.id = (select ticket_id from audit_entry where inbound_email_id = :id and status = 'PROCESSED')""")
                    .param("id", entry.getKey()).query().singleRow();
            JsonNode expectedTitle = expected.path("ticket").path("title");
            String title = expectedTitle.isString() ? expectedTitle.asString().strip() : "";
            String subject = ((String) ticket.get("subject")).strip();
            if (!title.isEmpty() && !title.equals(subject)) {
                differences.add(file + ": title '" + title + "' but subject '" + subject + "'");
            }
            List<String> users = expected.path("users").valueStream()
                    .filter(u -> u.path("email").isString())
                    .map(u -> u.get("email").asString().toLowerCase(Locale.ROOT)).toList();
            if (!users.isEmpty() && !users.contains(((String) ticket.get("email")).toLowerCase(Locale.ROOT))) {
                differences.add(file + ": requester " + ticket.get("email") + " not among " + users);
            }
        }
        System.out.println("CORPUS zammad expectations: " + compared + " compared; differences: " + differences);
        assertThat(compared).isGreaterThan(15);
    }

    private long store(long serverId, Row row) throws IOException {
        BlobRef raw;
        try (InputStream in = Files.newInputStream(CORPUS.resolve(row.path()))) {
            raw = blobs.put(in);
        }
        String messageId;
        try (InputStream in = blobs.open(raw.key()).orElseThrow()) {
            ParsedEmail parsed = parser.parse(in);
            messageId = parsed.messageId() != null ? parsed.messageId() : "<" + raw.key() + "@generated.mailroom.invalid>";
        }
        return intake.storeAsFetched(serverId, raw, row.path(), messageId);
    }

    private static List<Row> messages() throws IOException {
        List<String> lines = Files.readAllLines(CORPUS.resolve("index.csv"), StandardCharsets.UTF_8);
        List<String> header = csv(lines.get(0));
        List<Row> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> cells = csv(line);
            if (cells.size() < header.size() || !cells.get(header.indexOf("kind")).equals("message")) {
                continue;
            }
            rows.add(new Row(cells.get(header.indexOf("path")), cells.get(header.indexOf("source")),
                    cells.get(header.indexOf("category")), cells.get(header.indexOf("category_source"))));
        }
        return rows;
    }

    private static List<String> csv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == ',' && !quoted) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }
}
