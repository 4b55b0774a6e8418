package dev.mailroom.tickets;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

@Repository
public class ConversationRepository {

    private final JdbcClient jdbc;

    ConversationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores a new conversation; the id of the given one is ignored and the stored one is returned. */
    public Conversation insert(Conversation conversation) {
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into conversation (ticket_id, direction, from_address, to_addresses, cc_addresses, message_id,
                    body_text, body_html, created_by, created_at)
                values (:ticketId, :direction, :from, :to, :cc, :messageId, :text, :html, :createdBy, :createdAt)""")
                .param("ticketId", conversation.ticketId())
                .param("direction", conversation.direction().name())
                .param("from", conversation.from())
                .param("to", AddressList.join("to", conversation.to()))
                .param("cc", AddressList.join("cc", conversation.cc()))
                .param("messageId", conversation.messageId())
                .param("text", conversation.bodyText())
                .param("html", conversation.bodyHtml())
                .param("createdBy", conversation.createdBy())
                .param("createdAt", SqlTime.toSql(conversation.createdAt()))
                .update(keys, "id");
        return findById(keys.getKey().longValue()).orElseThrow();
    }

    /** Sets the Message-ID of a conversation that has none yet; returns false if it already had one. */
    public boolean setMessageIdIfAbsent(long id, String messageId) {
        return jdbc.sql("update conversation set message_id = :messageId where id = :id and message_id is null")
                .param("messageId", messageId)
                .param("id", id)
                .update() == 1;
    }

    public Optional<Conversation> findById(long id) {
        return jdbc.sql("select * from conversation where id = :id")
                .param("id", id)
                .query(ConversationRepository::map)
                .optional();
    }

    /** Oldest first. */
    public List<Conversation> findByTicket(long ticketId) {
        return jdbc.sql("select * from conversation where ticket_id = :ticketId order by created_at, id")
                .param("ticketId", ticketId)
                .query(ConversationRepository::map)
                .list();
    }

    /** The first conversation stored with this (normalized) Message-ID. */
    public Optional<Conversation> findByMessageId(String messageId) {
        return jdbc.sql("select * from conversation where message_id = :messageId order by id limit 1")
                .param("messageId", messageId)
                .query(ConversationRepository::map)
                .optional();
    }

    static Conversation map(ResultSet rs, int row) throws SQLException {
        return new Conversation(rs.getLong("id"), rs.getLong("ticket_id"),
                ConversationDirection.valueOf(rs.getString("direction")), rs.getString("from_address"),
                AddressList.split(rs.getString("to_addresses")), AddressList.split(rs.getString("cc_addresses")),
                rs.getString("message_id"), rs.getString("body_text"), rs.getString("body_html"),
                rs.getString("created_by"), SqlTime.instant(rs, "created_at"));
    }
}
