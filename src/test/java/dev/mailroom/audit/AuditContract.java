package dev.mailroom.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.storage.BlobCollector;
import dev.mailroom.storage.BlobRef;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.testing.Api;

/** The Email Audit on a real database; subclasses run it on H2 and on PostgreSQL. */
abstract class AuditContract {

    @Autowired
    Api api;
    @Autowired
    AuditLog audit;
    @Autowired
    AuditRepository repository;
    @Autowired
    BlobStore blobs;
    @Autowired
    BlobCollector collector;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void emptyAudit() {
        jdbc.sql("delete from audit_entry").update();
    }

    @Test
    void volumeByHourCountsEachStatusPerHourOfTheRangeOnly() {
        Instant from = Instant.parse("2026-03-09T00:00:00Z");
        Instant to = from.plusSeconds(2 * 3600);
        at(AuditStatus.SENT, from, "a@x.test");
        at(AuditStatus.SENT, from.plusSeconds(3599), "b@x.test");
        at(AuditStatus.SENT, from.plusSeconds(3600), "a@x.test");
        at(AuditStatus.SEND_FAILED, from.plusSeconds(5400), "a@x.test");
        at(AuditStatus.SENT, from.minusSeconds(1), "a@x.test");
        at(AuditStatus.SENT, to, "a@x.test");

        assertThat(audit.volumeByHour(AuditQuery.all(), from, to)).containsExactlyInAnyOrder(
                new AuditVolume(from, AuditStatus.SENT, 2),
                new AuditVolume(from.plusSeconds(3600), AuditStatus.SENT, 1),
                new AuditVolume(from.plusSeconds(3600), AuditStatus.SEND_FAILED, 1));
        AuditQuery fromA = new AuditQuery(null, List.of(AuditStatus.SENT), null, null, null, "a@x", null, null, null, null);
        assertThat(audit.volumeByHour(fromA, from, to)).containsExactlyInAnyOrder(
                new AuditVolume(from, AuditStatus.SENT, 1),
                new AuditVolume(from.plusSeconds(3600), AuditStatus.SENT, 1));
    }

    private void at(AuditStatus status, Instant occurredAt, String sender) {
        audit.record(NewAuditEntry.of(status).occurredAt(occurredAt).email(null, sender, "to@x.test", "Volume"));
    }

    @Test
    void recordsAnEntryWithItsTraceAndShowsItNewestFirst() {
        audit.record(NewAuditEntry.of(AuditStatus.RECEIVED).server(7L, "Support mailbox")
                .email("<a@example.com>", "alice@example.com", "support@desk.test", "Printer on fire"));
        long ignored = audit.record(NewAuditEntry.of(AuditStatus.RECEIVED_IGNORED).server(7L, "Support mailbox")
                .message(AuditMessages.SENDER_FILTERED)
                .email("<b@example.com>", "spam@junk.test", "support@desk.test", "WIN A PRIZE")
                .step("sender-filter", "ignore", "spam@junk.test matches the Ignore list entry junk.test"));

        var page = api.admin().get("/api/audit");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.get("totalItems").asInt()).isEqualTo(2);
        var newest = page.get("items").get(0);
        assertThat(newest.get("id").asLong()).isEqualTo(ignored);
        assertThat(newest.get("status").asString()).isEqualTo("RECEIVED_IGNORED");
        assertThat(newest.get("statusLabel").asString()).isEqualTo("RECEIVED IGNORED");
        assertThat(newest.get("event").asString()).isEqualTo("INCOMING");
        assertThat(newest.get("message").asString()).isEqualTo("Sender matched spam/ignore filter");

        var detail = api.admin().get("/api/audit/" + ignored);
        assertThat(detail.get("trace").get(0).get("stage").asString()).isEqualTo("sender-filter");
        assertThat(detail.get("trace").get(0).get("detail").asString()).contains("junk.test");
    }

    @Test
    void filtersAsTheFaqUsesThem() {
        Instant base = Instant.parse("2026-03-01T10:00:00Z");
        audit.record(NewAuditEntry.of(AuditStatus.RECEIVED).occurredAt(base).server(1L, "One")
                .email("<m1@x.test>", "Alice@Example.com", "help@desk.test", "VPN down"));
        audit.record(NewAuditEntry.of(AuditStatus.PROCESSED_FAILED).occurredAt(base.plusSeconds(60)).server(1L, "One")
                .message(AuditMessages.GUEST_NOT_ALLOWED)
                .email("<m1@x.test>", "Alice@Example.com", "help@desk.test", "VPN down"));
        audit.record(NewAuditEntry.of(AuditStatus.PROCESSED).occurredAt(base.plusSeconds(120)).server(2L, "Two")
                .email("<m2@x.test>", "bob@example.org", "it@desk.test", "Re: [INC-4] laptop").ticket(4L, "INC-4"));
        audit.record(NewAuditEntry.of(AuditStatus.SEND_IGNORED).occurredAt(base.plusSeconds(180)).server(9L, "SMTP")
                .email("<n1@desk.test>", "it@desk.test", "noreply@vendor.test", "[INC-4] acknowledged"));

        assertThat(ids("?event=OUTGOING")).hasSize(1);
        assertThat(ids("?event=INCOMING")).hasSize(3);
        assertThat(ids("?status=PROCESSED_FAILED&status=PROCESSED")).hasSize(2);
        assertThat(ids("?serverId=1")).hasSize(2);
        assertThat(ids("?sender=alice@example")).hasSize(2);
        assertThat(ids("?recipient=NOREPLY")).hasSize(1);
        assertThat(ids("?subject=vpn")).hasSize(2);
        assertThat(ids("?messageId=m1@x.test")).hasSize(2);
        assertThat(ids("?messageId=<m2@x.test>")).hasSize(1);
        assertThat(ids("?ticket=inc-4")).hasSize(1);
        assertThat(ids("?ticket=4")).hasSize(1);
        assertThat(ids("?from=2026-03-01T10:01:00Z&to=2026-03-01T10:03:00Z")).hasSize(2);
        assertThat(ids("?subject=100%25")).isEmpty();
    }

    @Test
    void pagesThroughManyEntries() {
        for (int i = 0; i < 30; i++) {
            audit.record(NewAuditEntry.of(AuditStatus.RECEIVED).occurredAt(Instant.parse("2026-01-01T00:00:00Z").plusSeconds(i))
                    .email("<p" + i + "@x.test>", "a@x.test", "d@x.test", "mail " + i));
        }

        var second = api.admin().get("/api/audit?page=1&size=20");

        assertThat(second.get("totalItems").asInt()).isEqualTo(30);
        assertThat(second.get("totalPages").asInt()).isEqualTo(2);
        assertThat(second.get("items")).hasSize(10);
        assertThat(second.get("items").get(9).get("subject").asString()).isEqualTo("mail 0");
        assertThat(api.admin().get("/api/audit?size=500").status()).isEqualTo(400);
    }

    @Test
    void repeatedFailuresAreCountedOnOneEntry() {
        long failure = audit.record(NewAuditEntry.of(AuditStatus.FETCH_FAILED).server(3L, "Sales").message("login failed"));

        assertThat(audit.repeat(failure)).isTrue();
        assertThat(audit.repeat(failure)).isTrue();

        AuditEntry entry = audit.find(failure).orElseThrow();
        assertThat(entry.repeatCount()).isEqualTo(3);
        assertThat(entry.lastOccurredAt()).isAfterOrEqualTo(entry.occurredAt());
        assertThat(audit.repeat(Long.MAX_VALUE)).isFalse();
    }

    @Test
    void aDeferredNotificationIsCountedOnOneEntryWhoseMessageNamesTheNextAttempt() {
        long deferred = audit.record(NewAuditEntry.of(AuditStatus.SEND_DEFERRED)
                .message(AuditMessages.sendDeferred("connection refused", "2026-12-08 00:00:30 UTC"))
                .step("attempt", "deferred", "connection refused"));

        assertThat(audit.repeat(deferred, new TraceStep("attempt", "deferred", "connection refused"),
                AuditMessages.sendDeferred("connection refused", "2026-12-08 00:01:30 UTC"))).isTrue();

        AuditEntry entry = audit.find(deferred).orElseThrow();
        assertThat(entry.repeatCount()).isEqualTo(2);
        assertThat(entry.message()).isEqualTo("Not sent yet, tried again at 2026-12-08 00:01:30 UTC: connection refused");
        assertThat(entry.trace()).as("the same failure adds no step").hasSize(1);
        assertThat(entry.status().isFinal()).isFalse();
        assertThat(entry.statusLabel()).isEqualTo("SEND DEFERRED");
        assertThat(api.admin().get("/api/audit?status=SEND_DEFERRED").get("items").valueStream()
                .map(item -> item.get("id").asLong()).toList()).contains(deferred);
    }

    @Test
    void rawEmailDownloads() throws Exception {
        String raw = "From: a@x.test\r\nSubject: hi\r\nMessage-ID: <r@x.test>\r\n\r\nbody\r\n";
        BlobRef ref = blobs.put(new ByteArrayInputStream(raw.getBytes(StandardCharsets.US_ASCII)));
        long withRaw = audit.record(NewAuditEntry.of(AuditStatus.RECEIVED).inboundEmail(null, ref.key()));
        long withoutRaw = audit.record(NewAuditEntry.of(AuditStatus.FETCH_FAILED));

        var download = api.admin().getText("/api/audit/" + withRaw + "/raw");

        assertThat(download.status()).isEqualTo(200);
        assertThat(download.headers().getContentType().toString()).startsWith("message/rfc822");
        assertThat(download.headers().getContentDisposition().getFilename()).isEqualTo("audit-" + withRaw + ".eml");
        assertThat(download.text()).isEqualTo(raw);
        assertThat(api.admin().get("/api/audit/" + withRaw).get("rawAvailable").asBoolean()).isTrue();
        assertThat(api.admin().getText("/api/audit/" + withoutRaw + "/raw").status()).isEqualTo(404);
    }

    @Test
    void unknownEntriesAreNotFoundAndOnlyAdminsMayRead() {
        var missing = api.admin().get("/api/audit/987654");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.get("detail").asString()).contains("987654");
        assertThat(api.technician().get("/api/audit").status()).isEqualTo(403);
        assertThat(api.anonymous().get("/api/audit").status()).isEqualTo(401);
        assertThat(api.admin().get("/api/audit?status=NOT_A_STATUS").status()).isEqualTo(400);
    }

    @Test
    void retentionPurgesOldEntriesAndRawMailNoLongerReferenced() throws Exception {
        Instant now = Instant.parse("2026-06-01T00:00:00Z");
        BlobRef onlyOld = blobs.put(new ByteArrayInputStream("old raw".getBytes(StandardCharsets.US_ASCII)));
        BlobRef shared = blobs.put(new ByteArrayInputStream("shared raw".getBytes(StandardCharsets.US_ASCII)));
        audit.record(NewAuditEntry.of(AuditStatus.RECEIVED).occurredAt(now.minus(Duration.ofDays(40))).inboundEmail(null, onlyOld.key()));
        audit.record(NewAuditEntry.of(AuditStatus.RECEIVED).occurredAt(now.minus(Duration.ofDays(40))).inboundEmail(null, shared.key()));
        long recent = audit.record(NewAuditEntry.of(AuditStatus.PROCESSED).occurredAt(now.minus(Duration.ofDays(2)))
                .inboundEmail(null, shared.key()));
        for (int i = 0; i < 1005; i++) {
            audit.record(NewAuditEntry.of(AuditStatus.FETCH_FAILED).occurredAt(now.minus(Duration.ofDays(31))));
        }

        int purged = AuditRetention.purge(new AuditRetention.Settings(30, null), repository, collector, now);

        assertThat(purged).isEqualTo(1007);
        assertThat(repository.count(AuditQuery.all())).isEqualTo(1);
        assertThat(audit.find(recent)).isPresent();
        assertThat(blobs.exists(onlyOld.key())).isFalse();
        assertThat(blobs.exists(shared.key())).isTrue();
    }

    @Test
    void retentionRunsOnTheDatabaseBackedScheduler() {
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(
                jdbc.sql("select count(*) from scheduled_tasks where task_name = 'audit-retention' and last_success is not null")
                        .query(Long.class).single()).isEqualTo(1));
    }

    private List<Long> ids(String query) {
        var response = api.admin().get("/api/audit" + query);
        assertThat(response.status()).as(query).isEqualTo(200);
        return response.get("items").valueStream().map(item -> item.get("id").asLong()).toList();
    }
}
