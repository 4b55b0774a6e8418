package dev.mailroom.outgoing.outbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.web.PageRequest;

/** Reads the outbox for the admin API, newest first, with each email's recipients and attachments. */
@Repository
class OutboxViews {

    private final JdbcClient jdbc;

    OutboxViews(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OutboxEmailView> search(String state, Long ticketId, PageRequest page) {
        Map<String, Object> params = new HashMap<>();
        String where = where(state, ticketId, params);
        params.put("limit", page.size());
        params.put("offset", page.offset());
        List<Row> rows = jdbc.sql("select * from outbox_email" + where + " order by id desc limit :limit offset :offset")
                .params(params)
                .query(OutboxViews::row)
                .list();
        return withDetails(rows);
    }

    long count(String state, Long ticketId) {
        Map<String, Object> params = new HashMap<>();
        return jdbc.sql("select count(*) from outbox_email" + where(state, ticketId, params)).params(params)
                .query(Long.class).single();
    }

    Optional<OutboxEmailView> find(long id) {
        List<Row> rows = jdbc.sql("select * from outbox_email where id = :id").param("id", id).query(OutboxViews::row).list();
        return withDetails(rows).stream().findFirst();
    }

    private static String where(String state, Long ticketId, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (state != null) {
            conditions.add("state = :state");
            params.put("state", state);
        }
        if (ticketId != null) {
            conditions.add("ticket_id = :ticketId");
            params.put("ticketId", ticketId);
        }
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    private List<OutboxEmailView> withDetails(List<Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, List<OutboxEmailView.Recipient>> recipients = new HashMap<>();
        jdbc.sql("select * from outbox_recipient where outbox_id in (:ids) order by outbox_id, sort_order")
                .param("ids", ids)
                .query(rs -> {
                    recipients.computeIfAbsent(rs.getLong("outbox_id"), id -> new ArrayList<>())
                            .add(new OutboxEmailView.Recipient(rs.getString("kind"), rs.getString("address"),
                                    rs.getString("state"), rs.getString("detail")));
                });
        Map<Long, List<Long>> attachments = new LinkedHashMap<>();
        jdbc.sql("select outbox_id, attachment_id from outbox_attachment where outbox_id in (:ids) order by attachment_id")
                .param("ids", ids)
                .query(rs -> {
                    attachments.computeIfAbsent(rs.getLong("outbox_id"), id -> new ArrayList<>()).add(rs.getLong("attachment_id"));
                });
        return rows.stream().map(row -> row.view(recipients.getOrDefault(row.id(), List.of()),
                attachments.getOrDefault(row.id(), List.of()))).toList();
    }

    private static Row row(ResultSet rs, int number) throws SQLException {
        String state = rs.getString("state");
        return new Row(rs.getLong("id"), rs.getString("kind"), state, rs.getString("message_id"), rs.getString("subject"),
                nullableLong(rs, "ticket_id"), nullableLong(rs, "incoming_server_id"), nullableLong(rs, "outgoing_server_id"),
                rs.getBoolean("automatic"), rs.getInt("attempts"), rs.getString("last_error"),
                "DONE".equals(state) ? null : SqlTime.instant(rs, "next_attempt_at"), SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "retry_since"), SqlTime.instant(rs, "finished_at"));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private record Row(long id, String kind, String state, String messageId, String subject, Long ticketId,
            Long incomingServerId, Long outgoingServerId, boolean automatic, int attempts, String lastError,
            java.time.Instant nextAttemptAt, java.time.Instant createdAt, java.time.Instant retrySince,
            java.time.Instant finishedAt) {

        OutboxEmailView view(List<OutboxEmailView.Recipient> recipients, List<Long> attachmentIds) {
            return new OutboxEmailView(id, kind, state, messageId, subject, ticketId, incomingServerId, outgoingServerId,
                    automatic, attempts, lastError, nextAttemptAt, createdAt, retrySince, finishedAt, recipients,
                    attachmentIds);
        }
    }
}
