package dev.mailroom.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.incoming.fetch.MailboxDirectory;
import dev.mailroom.incoming.fetch.MailboxPoller;
import dev.mailroom.incoming.fetch.PollResult;
import dev.mailroom.testing.Api;

/** Mailroom as the acceptance tests drive it: incoming servers on Dovecot, polls, and what came of each email. */
record Desk(Api api, JdbcClient jdbc, MailboxPoller poller, MailboxDirectory directory) {

    static final List<String> FINAL_STATUSES = List.of("PROCESSED", "RECEIVED_IGNORED", "PROCESSED_FAILED");

    /** An incoming server reading this Dovecot mailbox, saved through the API; its id. */
    long createServer(DovecotMailbox mailbox, String protocol, String security, String service, String afterProcessing) {
        return createServer(mailbox, protocol, security, service, afterProcessing, Map.of());
    }

    /** The same, with more fields of the request (say {@code outgoingServerId}). */
    long createServer(DovecotMailbox mailbox, String protocol, String security, String service, String afterProcessing,
            Map<String, Object> more) {
        AcceptanceServers servers = mailbox.servers();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Dovecot " + protocol + " " + security + " " + System.nanoTime());
        body.put("mailboxAddresses", List.of(mailbox.address()));
        body.put("protocol", protocol);
        body.put("host", servers.host());
        body.put("port", servers.port(service));
        body.put("security", security);
        body.put("username", mailbox.user());
        body.put("password", servers.password(mailbox.user()));
        body.put("afterProcessing", afterProcessing);
        body.put("connectTimeoutSeconds", 5);
        body.put("readTimeoutSeconds", 30);
        body.putAll(more);
        var created = api.admin().post("/api/incoming-servers", body);
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    /** Deletes every incoming server: the next test configures the same mailbox address again. */
    void deleteServers() {
        api.admin().get("/api/incoming-servers").body()
                .forEach(server -> api.admin().delete("/api/incoming-servers/" + server.get("id").asLong()));
    }

    PollResult poll(long serverId) {
        return poller.poll(directory.findEnabled(serverId).orElseThrow());
    }

    /** Polls until the mailbox has nothing left to fetch, retrying failed polls (a server coming back) for a while. */
    void pollUntilEmpty(long serverId, int expected) {
        Awaitility.await().atMost(Duration.ofMinutes(3)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    PollResult result = poll(serverId);
                    return !result.failed() && result.backlog() == 0 && stored(serverId) >= expected;
                });
    }

    /** Waits until the intake worker gave every stored email of this server its final outcome. */
    void awaitIntake(long serverId) {
        Awaitility.await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> count("select count(*) from inbound_email where server_id = :id and state = 'RECEIVED'",
                        serverId) == 0);
    }

    long stored(long serverId) {
        return count("select count(*) from inbound_email where server_id = :id", serverId);
    }

    List<String> storedMessageIds(long serverId) {
        return jdbc.sql("select message_id from inbound_email where server_id = :id").param("id", serverId)
                .query(String.class).list().stream().map(Desk::bare).toList();
    }

    List<String> ticketMessageIds(long serverId) {
        return jdbc.sql("select message_id from ticket where incoming_server_id = :id").param("id", serverId)
                .query(String.class).list().stream().map(Desk::bare).toList();
    }

    /** The final audit status of each stored email of this server, one row per email. */
    Map<String, Long> finalStatuses(long serverId) {
        Map<String, Long> statuses = new LinkedHashMap<>();
        jdbc.sql("""
                select a.status, count(*) as n from audit_entry a join inbound_email e on e.id = a.inbound_email_id
                where e.server_id = :id and a.status in ('PROCESSED', 'RECEIVED_IGNORED', 'PROCESSED_FAILED')
                group by a.status""").param("id", serverId)
                .query((rs, row) -> statuses.put(rs.getString("status"), rs.getLong("n"))).list();
        return statuses;
    }

    long audited(long serverId, String status) {
        return jdbc.sql("select count(*) from audit_entry where server_id = :id and status = :status")
                .param("id", serverId).param("status", status).query(Long.class).single();
    }

    long count(String sql, long serverId) {
        return jdbc.sql(sql).param("id", serverId).query(Long.class).single();
    }

    static List<String> bare(List<String> messageIds) {
        return messageIds.stream().map(Desk::bare).toList();
    }

    static String bare(String messageId) {
        String id = messageId == null ? "" : messageId.trim();
        return id.startsWith("<") && id.endsWith(">") ? id.substring(1, id.length() - 1) : id;
    }
}
