package dev.mailroom.intake.preference;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

@Repository
public class EmailPreferenceRepository {

    private final JdbcClient jdbc;

    EmailPreferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public EmailPreference current() {
        return jdbc.sql("select * from email_preference where id = 1")
                .query((rs, row) -> new EmailPreference(rs.getBoolean("guest_ticket_creation"),
                        rs.getBoolean("use_reply_to_address"), rs.getBoolean("email_to_request"), rs.getInt("version"),
                        SqlTime.instant(rs, "updated_at"), rs.getString("updated_by")))
                .single();
    }

    public void save(boolean guestTicketCreation, boolean useReplyToAddress, boolean emailToRequest, String by) {
        jdbc.sql("""
                update email_preference set guest_ticket_creation = :guest, use_reply_to_address = :replyTo,
                    email_to_request = :emailToRequest, version = version + 1, updated_at = :now, updated_by = :by
                where id = 1""")
                .param("guest", guestTicketCreation)
                .param("replyTo", useReplyToAddress)
                .param("emailToRequest", emailToRequest)
                .param("now", SqlTime.toSql(Instant.now()))
                .param("by", by)
                .update();
    }
}
