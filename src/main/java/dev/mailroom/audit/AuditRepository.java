package dev.mailroom.audit;

import static dev.mailroom.platform.Texts.clip;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.web.PageRequest;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;
    private final TraceCodec traceCodec;

    AuditRepository(JdbcClient jdbc, TraceCodec traceCodec) {
        this.jdbc = jdbc;
        this.traceCodec = traceCodec;
    }

    long insert(NewAuditEntry entry, Instant at) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into audit_entry (event, status, message, occurred_at, last_occurred_at, repeat_count, server_id,
                    server_name, inbound_email_id, message_id, sender, recipients, subject, ticket_id, ticket_display_id,
                    raw_blob_key, trace)
                values (:event, :status, :message, :at, :at, 1, :serverId, :serverName, :inboundEmailId, :messageId,
                    :sender, :recipients, :subject, :ticketId, :ticketDisplayId, :rawBlobKey, :trace)""")
                .param("event", entry.status.event().name())
                .param("status", entry.status.name())
                .param("message", clip(entry.message, 2000))
                .param("at", SqlTime.toSql(at))
                .param("serverId", entry.serverId)
                .param("serverName", clip(entry.serverName, 200))
                .param("inboundEmailId", entry.inboundEmailId)
                .param("messageId", clip(entry.messageId, 998))
                .param("sender", clip(entry.sender, 320))
                .param("recipients", clip(entry.recipients, 4000))
                .param("subject", clip(entry.subject, 1000))
                .param("ticketId", entry.ticketId)
                .param("ticketDisplayId", entry.ticketDisplayId)
                .param("rawBlobKey", entry.rawBlobKey)
                .param("trace", traceCodec.write(entry.trace))
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    static final int MAX_TRACE_STEPS = 50;

    /**
     * Counts one more occurrence of an entry's event, appending {@code latest} to its trace when it differs from the
     * last step there (up to {@link #MAX_TRACE_STEPS}); returns false if the entry no longer exists.
     */
    boolean repeat(long id, Instant at, TraceStep latest, String message) {
        Optional<AuditEntry> entry = latest == null ? Optional.empty() : findById(id);
        String trace = null;
        if (entry.isPresent()) {
            List<TraceStep> steps = entry.get().trace();
            boolean news = steps.isEmpty() || !steps.get(steps.size() - 1).equals(latest);
            if (news && steps.size() < MAX_TRACE_STEPS) {
                List<TraceStep> longer = new ArrayList<>(steps);
                longer.add(latest);
                trace = traceCodec.write(longer);
            }
        }
        return jdbc.sql("update audit_entry set repeat_count = repeat_count + 1, last_occurred_at = :at,"
                        + " trace = coalesce(:trace, trace), message = coalesce(:message, message) where id = :id")
                .param("at", SqlTime.toSql(at))
                .param("message", clip(message, 2000))
                .param("trace", trace)
                .param("id", id)
                .update() == 1;
    }

    Optional<AuditEntry> findById(long id) {
        return jdbc.sql("select * from audit_entry where id = :id").param("id", id).query(this::map).optional();
    }

    /** The newest entry of each of these inbound emails; {@code ix_audit_inbound} finds them. */
    List<AuditEntry> latestAbout(Collection<Long> inboundEmailIds) {
        if (inboundEmailIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from audit_entry where id in (select max(id) from audit_entry
                    where inbound_email_id in (:ids) group by inbound_email_id)""")
                .param("ids", inboundEmailIds).query(this::map).list();
    }

    /** The inbound emails of the entries matching the query, newest entry first, at most {@code limit} entries read. */
    List<Long> inboundEmailIds(AuditQuery query, int limit) {
        Where where = where(query);
        String conditions = where.sql.isEmpty() ? " where inbound_email_id is not null"
                : where.sql + " and inbound_email_id is not null";
        return jdbc.sql("select inbound_email_id from audit_entry" + conditions
                        + " order by occurred_at desc, id desc fetch first " + limit + " rows only")
                .params(where.params).query(Long.class).list();
    }

    List<AuditEntry> search(AuditQuery query, PageRequest page) {
        Where where = where(query);
        return jdbc.sql("select * from audit_entry" + where.sql + " order by occurred_at desc, id desc"
                        + " offset " + page.offset() + " rows fetch next " + page.size() + " rows only")
                .params(where.params)
                .query(this::map)
                .list();
    }

    long count(AuditQuery query) {
        Where where = where(query);
        return jdbc.sql("select count(*) from audit_entry" + where.sql).params(where.params).query(Long.class).single();
    }

    /** One query grouped by status and hour; {@code ix_audit_occurred} (or a status or server index) serves the range. */
    List<AuditVolume> volumeByHour(AuditQuery query, Instant from, Instant to) {
        Where volume = volumeByHourQuery(query, from, to);
        return jdbc.sql(volume.sql)
                .params(volume.params)
                .query((rs, row) -> new AuditVolume(from.plusSeconds(rs.getLong("hour_index") * 3600),
                        AuditStatus.valueOf(rs.getString("status")), rs.getLong("entries")))
                .list();
    }

    /** The query's other filters, and entries that occurred in [from, to) rather than its own range. */
    Where volumeByHourQuery(AuditQuery query, Instant from, Instant to) {
        Where where = where(new AuditQuery(query.event(), query.statuses(), query.serverId(), null, null, query.sender(),
                query.recipient(), query.subject(), query.messageId(), query.ticket()));
        Map<String, Object> params = new HashMap<>(where.params);
        params.put("rangeFrom", SqlTime.toSql(from));
        params.put("rangeTo", SqlTime.toSql(to));
        params.put("fromEpoch", from.getEpochSecond());
        String range = "occurred_at >= :rangeFrom and occurred_at < :rangeTo";
        String conditions = where.sql.isEmpty() ? " where " + range : where.sql + " and " + range;
        // hours, not days, from the database: the console folds them into days in its own time zone. Whole seconds
        // in integer arithmetic: H2 divides the fractional epoch as a NUMERIC of ever larger scale, seconds per row.
        return new Where("select status, hour_index, count(*) as entries from (select status,"
                + " (cast(floor(extract(epoch from occurred_at)) as bigint) - :fromEpoch) / 3600 as hour_index"
                + " from audit_entry"
                + conditions + ") hours group by status, hour_index", params);
    }

    record Purged(int entries, List<String> releasedBlobKeys) {
    }

    /** Deletes up to {@code limit} entries last seen before the cut-off, and says which raw blob keys they held. */
    Purged purgeOlderThan(Instant cutoff, int limit) {
        List<Map<String, Object>> doomed = jdbc.sql("select id, raw_blob_key from audit_entry where last_occurred_at < :cutoff"
                        + " order by id fetch first " + limit + " rows only")
                .param("cutoff", SqlTime.toSql(cutoff))
                .query().listOfRows();
        if (doomed.isEmpty()) {
            return new Purged(0, List.of());
        }
        List<Long> ids = doomed.stream().map(row -> ((Number) row.get("id")).longValue()).toList();
        jdbc.sql("delete from audit_entry where id in (:ids)").param("ids", ids).update();
        return new Purged(ids.size(),
                doomed.stream().map(row -> (String) row.get("raw_blob_key")).filter(key -> key != null).distinct().toList());
    }

    Optional<String> rawBlobKey(long id) {
        return jdbc.sql("select raw_blob_key from audit_entry where id = :id and raw_blob_key is not null").param("id", id)
                .query(String.class).optional();
    }

    boolean referencesBlob(String key) {
        return jdbc.sql("select count(*) from audit_entry where raw_blob_key = :key").param("key", key)
                .query(Long.class).single() > 0;
    }

    record Where(String sql, Map<String, Object> params) {
    }

    private static Where where(AuditQuery query) {
        List<String> conditions = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (query.event() != null) {
            conditions.add("event = :event");
            params.put("event", query.event().name());
        }
        if (query.statuses() != null && !query.statuses().isEmpty()) {
            conditions.add("status in (:statuses)");
            params.put("statuses", query.statuses().stream().map(Enum::name).toList());
        }
        if (query.serverId() != null) {
            conditions.add("server_id = :serverId");
            params.put("serverId", query.serverId());
        }
        if (query.from() != null) {
            conditions.add("last_occurred_at >= :from");
            params.put("from", SqlTime.toSql(query.from()));
        }
        if (query.to() != null) {
            conditions.add("occurred_at < :to");
            params.put("to", SqlTime.toSql(query.to()));
        }
        addContains(conditions, params, "sender", query.sender());
        addContains(conditions, params, "recipients", query.recipient());
        addContains(conditions, params, "subject", query.subject());
        if (hasText(query.messageId())) {
            String bare = query.messageId().trim().replaceAll("^<|>$", "");
            conditions.add("message_id in (:messageIds)");
            params.put("messageIds", List.of(bare, "<" + bare + ">"));
        }
        if (hasText(query.ticket())) {
            String ticket = query.ticket().trim();
            if (ticket.chars().allMatch(Character::isDigit)) {
                conditions.add("ticket_id = :ticketId");
                params.put("ticketId", Long.parseLong(ticket));
            } else {
                conditions.add("upper(ticket_display_id) = :ticketDisplayId");
                params.put("ticketDisplayId", ticket.toUpperCase(Locale.ROOT));
            }
        }
        String sql = conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        return new Where(sql, params);
    }

    private static void addContains(List<String> conditions, Map<String, Object> params, String column, String value) {
        if (hasText(value)) {
            conditions.add("lower(" + column + ") like :" + column + " escape '\\'");
            params.put(column, "%" + escapeLike(value.trim().toLowerCase(Locale.ROOT)) + "%");
        }
    }

    private static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static boolean hasText(String value) {
        return value != null && !value.isBlank();
    }

    private AuditEntry map(ResultSet rs, int row) throws SQLException {
        AuditStatus status = AuditStatus.valueOf(rs.getString("status"));
        return new AuditEntry(rs.getLong("id"), AuditEvent.valueOf(rs.getString("event")), status, status.label(),
                rs.getString("message"), SqlTime.instant(rs, "occurred_at"), SqlTime.instant(rs, "last_occurred_at"),
                rs.getInt("repeat_count"), nullableLong(rs, "server_id"), rs.getString("server_name"),
                nullableLong(rs, "inbound_email_id"), rs.getString("message_id"), rs.getString("sender"),
                rs.getString("recipients"), rs.getString("subject"), nullableLong(rs, "ticket_id"),
                rs.getString("ticket_display_id"), rs.getString("raw_blob_key") != null,
                traceCodec.read(rs.getString("trace")));
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
