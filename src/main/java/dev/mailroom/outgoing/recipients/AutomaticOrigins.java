package dev.mailroom.outgoing.recipients;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.Texts;

/** Tickets made from automatic mail, remembered so that no automatic notification about them is ever sent. */
@Repository
public class AutomaticOrigins {

    private final JdbcClient jdbc;

    AutomaticOrigins(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(long ticketId, String description) {
        jdbc.sql("insert into ticket_automatic_origin (ticket_id, description) values (:id, :description)")
                .param("id", ticketId).param("description", Texts.clip(description, 400)).update();
    }

    /** What kind of automatic mail the ticket was made from, in words. */
    Optional<String> of(long ticketId) {
        return jdbc.sql("select description from ticket_automatic_origin where ticket_id = :id").param("id", ticketId)
                .query(String.class).optional();
    }
}
