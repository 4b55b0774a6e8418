package dev.mailroom.outgoing.sending;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.audit.AuditEntry;
import dev.mailroom.audit.AuditEvent;
import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditQuery;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerRepository;
import dev.mailroom.outgoing.outbox.NewOutboundEmail;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.outgoing.outbox.OutboundRecipient;
import dev.mailroom.outgoing.outbox.Outbox;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.secrets.SecretBox;
import dev.mailroom.web.PageRequest;

/** Outgoing servers, queued emails and a look at their rows and audit entries, for the sender's tests. */
@TestComponent
class OutboxFixtures {

    private final OutgoingServerRepository servers;
    private final SecretBox secrets;
    private final Outbox outbox;
    private final AuditLog audit;
    private final JdbcClient jdbc;

    OutboxFixtures(OutgoingServerRepository servers, SecretBox secrets, Outbox outbox, AuditLog audit, JdbcClient jdbc) {
        this.servers = servers;
        this.secrets = secrets;
        this.outbox = outbox;
        this.audit = audit;
        this.jdbc = jdbc;
    }

    OutgoingServer server(OutgoingServerSpec spec) {
        return server(spec, null);
    }

    OutgoingServer server(OutgoingServerSpec spec, String password) {
        return servers.insert(spec.settings(), password == null ? null : secrets.encrypt(password));
    }

    static String newMessageId() {
        return "<test." + UUID.randomUUID() + "@mailroom.local>";
    }

    /** A queued acknowledgment through {@code server} to these addresses (the first To, the others Cc); its Message-ID. */
    String enqueue(OutgoingServer server, String... recipients) {
        return enqueue(OutboundKind.ACKNOWLEDGMENT, server == null ? null : server.id(), null, "Your request", recipients);
    }

    String enqueue(OutboundKind kind, Long serverId, Long ticketId, String subject, String... recipients) {
        String messageId = newMessageId();
        List<OutboundRecipient> list = Arrays.stream(recipients)
                .map(address -> address == recipients[0] ? OutboundRecipient.to(address) : OutboundRecipient.cc(address))
                .toList();
        outbox.enqueue(new NewOutboundEmail(kind, ticketId, null, null, serverId, list, messageId, null, List.of(),
                subject, "Hello,\nwe received your request.", null, List.of()));
        return messageId;
    }

    long idOf(String messageId) {
        return jdbc.sql("select id from outbox_email where message_id = :id").param("id", messageId).query(Long.class).single();
    }

    String state(String messageId) {
        return column(messageId, "state", String.class);
    }

    int attempts(String messageId) {
        return column(messageId, "attempts", Integer.class);
    }

    String lastError(String messageId) {
        return column(messageId, "last_error", String.class);
    }

    <T> T column(String messageId, String column, Class<T> type) {
        return jdbc.sql("select " + column + " from outbox_email where message_id = :id").param("id", messageId)
                .query(type).single();
    }

    List<String> recipientStates(String messageId) {
        return jdbc.sql("""
                select r.address || '=' || r.state from outbox_recipient r join outbox_email e on e.id = r.outbox_id
                where e.message_id = :id order by r.sort_order""")
                .param("id", messageId).query(String.class).list();
    }

    /** The retry backoff is over: the email is due now. */
    void makeDue(String messageId) {
        jdbc.sql("update outbox_email set next_attempt_at = :now where message_id = :id")
                .param("now", SqlTime.toSql(SqlTime.now())).param("id", messageId).update();
    }

    void setColumn(String messageId, String column, Object value) {
        Object sqlValue = value instanceof Instant instant ? SqlTime.toSql(instant) : value;
        jdbc.sql("update outbox_email set " + column + " = :value where message_id = :id")
                .param("value", sqlValue).param("id", messageId).update();
    }

    /**
     * The final OUTGOING entries of an email (SENT, SEND_FAILED, SEND_IGNORED: exactly one per recipient once it is
     * done). SEND_DEFERRED is left out: it is not final, it says a failed attempt will be tried again, and
     * {@link #deferredOf} asserts it where a test's attempt fails temporarily.
     */
    List<AuditEntry> finalAuditOf(String messageId) {
        return allAuditOf(messageId).stream().filter(entry -> entry.status().isFinal()).toList();
    }

    /** The SEND_DEFERRED entries of an email: one per run of temporary failures. */
    List<AuditEntry> deferredOf(String messageId) {
        return allAuditOf(messageId).stream().filter(entry -> entry.status() == AuditStatus.SEND_DEFERRED).toList();
    }

    List<AuditEntry> allAuditOf(String messageId) {
        return audit.search(new AuditQuery(AuditEvent.OUTGOING, List.of(), null, null, null, null, null, null,
                messageId, null), PageRequest.of(0, 200)).items();
    }

    /** Whether the email remembers a SEND_DEFERRED entry of a current run of failures. */
    boolean inDeferredRun(String messageId) {
        return jdbc.sql("select count(*) from outbox_email where message_id = :id and deferred_audit_id is not null")
                .param("id", messageId).query(Integer.class).single() == 1;
    }

    /** The server as stored now, with its last send outcome. */
    OutgoingServer reload(OutgoingServer server) {
        return servers.findById(server.id()).orElseThrow();
    }

    JdbcClient jdbc() {
        return jdbc;
    }
}
