package dev.mailroom.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.users.UserRepository;
import dev.mailroom.web.PageRequest;

@Repository
public class TicketRepository {

    private static final String ROWS = """
            select t.*, u.email as requester_email, u.name as requester_name,
                   g.name as group_name, c.name as category_name
            from ticket t
            join desk_user u on u.id = t.requester_id
            left join technician_group g on g.id = t.technician_group_id
            left join category c on c.id = t.category_id
            """;

    private final JdbcClient jdbc;

    TicketRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new ticket; the id of the given one is ignored and the stored ticket is returned. */
    public Ticket insert(Ticket ticket) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into ticket (display_id, prefix, number, subject, description_text, description_html,
                    requester_id, status, priority, technician_group_id, category_id, source, incoming_server_id,
                    message_id, created_at, updated_at, resolved_at, closed_at)
                values (:displayId, :prefix, :number, :subject, :text, :html, :requesterId, :status, :priority,
                    :groupId, :categoryId, :source, :incomingServerId, :messageId, :createdAt, :updatedAt,
                    :resolvedAt, :closedAt)""")
                .param("displayId", ticket.displayId())
                .param("prefix", ticket.prefix())
                .param("number", ticket.number())
                .param("subject", ticket.subject())
                .param("text", ticket.descriptionText())
                .param("html", ticket.descriptionHtml())
                .param("requesterId", ticket.requesterId())
                .param("status", ticket.status().name())
                .param("priority", ticket.priority().name())
                .param("groupId", ticket.groupId())
                .param("categoryId", ticket.categoryId())
                .param("source", ticket.source().name())
                .param("incomingServerId", ticket.incomingServerId())
                .param("messageId", ticket.messageId())
                .param("createdAt", SqlTime.toSql(ticket.createdAt()))
                .param("updatedAt", SqlTime.toSql(ticket.updatedAt()))
                .param("resolvedAt", SqlTime.toSql(ticket.resolvedAt()))
                .param("closedAt", SqlTime.toSql(ticket.closedAt()))
                .update(keys, "id");
        return findById(keys.getKey().longValue()).orElseThrow();
    }

    /** Writes the fields a ticket's life changes; number, requester and source never change. */
    public void update(Ticket ticket) {
        jdbc.sql("""
                update ticket set subject = :subject, status = :status, priority = :priority,
                    technician_group_id = :groupId, category_id = :categoryId,
                    updated_at = :updatedAt, resolved_at = :resolvedAt, closed_at = :closedAt
                where id = :id""")
                .param("subject", ticket.subject())
                .param("status", ticket.status().name())
                .param("priority", ticket.priority().name())
                .param("groupId", ticket.groupId())
                .param("categoryId", ticket.categoryId())
                .param("updatedAt", SqlTime.toSql(ticket.updatedAt()))
                .param("resolvedAt", SqlTime.toSql(ticket.resolvedAt()))
                .param("closedAt", SqlTime.toSql(ticket.closedAt()))
                .param("id", ticket.id())
                .update();
    }

    /** Marks the ticket as changed, for instance when a conversation is added. */
    public void touch(long id, Instant now) {
        jdbc.sql("update ticket set updated_at = :now where id = :id")
                .param("now", SqlTime.toSql(now))
                .param("id", id)
                .update();
    }

    public Optional<Ticket> findById(long id) {
        return jdbc.sql("select * from ticket where id = :id").param("id", id).query(TicketRepository::map).optional();
    }

    /** The ticket, locked until the caller's transaction ends, so read-modify-write updates do not overwrite each other. */
    public Optional<Ticket> findByIdForUpdate(long id) {
        return jdbc.sql("select * from ticket where id = :id for update")
                .param("id", id)
                .query(TicketRepository::map)
                .optional();
    }

    public Optional<Ticket> findByDisplayId(String displayId) {
        return jdbc.sql("select * from ticket where display_id = :displayId")
                .param("displayId", displayId)
                .query(TicketRepository::map)
                .optional();
    }

    /** The ticket created from the email with this (normalized) Message-ID. */
    public Optional<Ticket> findByMessageId(String messageId) {
        return jdbc.sql("select * from ticket where message_id = :messageId order by id limit 1")
                .param("messageId", messageId)
                .query(TicketRepository::map)
                .optional();
    }

    public Optional<TicketRow> findRow(long id) {
        return jdbc.sql(ROWS + "where t.id = :id").param("id", id).query(TicketRepository::mapRow).optional();
    }

    /** Newest first. */
    public List<TicketRow> search(TicketFilter filter, PageRequest page) {
        Where where = Where.of(filter);
        return jdbc.sql(ROWS + where.sql() + " order by t.created_at desc, t.id desc limit :limit offset :offset")
                .params(where.params())
                .param("limit", page.size())
                .param("offset", page.offset())
                .query(TicketRepository::mapRow)
                .list();
    }

    public long count(TicketFilter filter) {
        Where where = Where.of(filter);
        return jdbc.sql("select count(*) from ticket t join desk_user u on u.id = t.requester_id " + where.sql())
                .params(where.params())
                .query(Long.class)
                .single();
    }

    /** The conditions of a filter; values always travel as parameters. */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(TicketFilter filter) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            if (!filter.statuses().isEmpty()) {
                conditions.add("t.status in (:statuses)");
                params.put("statuses", filter.statuses().stream().map(Enum::name).toList());
            }
            if (filter.priority() != null) {
                conditions.add("t.priority = :priority");
                params.put("priority", filter.priority().name());
            }
            if (filter.requesterEmail() != null && !filter.requesterEmail().isBlank()) {
                conditions.add("u.email_key = :requesterKey");
                params.put("requesterKey", UserRepository.emailKey(filter.requesterEmail()));
            }
            if (filter.groupId() != null) {
                conditions.add("t.technician_group_id = :groupId");
                params.put("groupId", filter.groupId());
            }
            if (filter.categoryId() != null) {
                conditions.add("t.category_id = :categoryId");
                params.put("categoryId", filter.categoryId());
            }
            if (filter.source() != null) {
                conditions.add("t.source = :source");
                params.put("source", filter.source().name());
            }
            if (filter.subjectContains() != null && !filter.subjectContains().isBlank()) {
                conditions.add("lower(t.subject) like :subjectPattern escape '\\'");
                params.put("subjectPattern", "%" + escapeLike(filter.subjectContains().strip().toLowerCase(Locale.ROOT)) + "%");
            }
            if (filter.createdFrom() != null) {
                conditions.add("t.created_at >= :createdFrom");
                params.put("createdFrom", SqlTime.toSql(filter.createdFrom()));
            }
            if (filter.createdTo() != null) {
                conditions.add("t.created_at < :createdTo");
                params.put("createdTo", SqlTime.toSql(filter.createdTo()));
            }
            if (filter.hasAttachments() != null) {
                // ix_attachment_ticket answers the probe per ticket
                conditions.add((filter.hasAttachments() ? "" : "not ") + "exists (select 1 from attachment a where a.ticket_id = t.id)");
            }
            return new Where(conditions.isEmpty() ? "" : "where " + String.join(" and ", conditions), params);
        }

        private static String escapeLike(String text) {
            return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        }
    }

    static Ticket map(ResultSet rs, int row) throws SQLException {
        return new Ticket(rs.getLong("id"), rs.getString("display_id"), rs.getString("prefix"), rs.getLong("number"),
                rs.getString("subject"), rs.getString("description_text"), rs.getString("description_html"),
                rs.getLong("requester_id"), TicketStatus.valueOf(rs.getString("status")),
                TicketPriority.valueOf(rs.getString("priority")), nullableLong(rs, "technician_group_id"),
                nullableLong(rs, "category_id"), TicketSource.valueOf(rs.getString("source")),
                nullableLong(rs, "incoming_server_id"), rs.getString("message_id"), SqlTime.instant(rs, "created_at"),
                SqlTime.instant(rs, "updated_at"), SqlTime.instant(rs, "resolved_at"), SqlTime.instant(rs, "closed_at"));
    }

    private static TicketRow mapRow(ResultSet rs, int row) throws SQLException {
        return new TicketRow(map(rs, row), rs.getString("requester_email"), rs.getString("requester_name"),
                rs.getString("group_name"), rs.getString("category_name"));
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }
}
