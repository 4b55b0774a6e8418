package dev.mailroom.intake.loops;

import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

/**
 * How much mail a sender or a ticket thread sent, counted from the stored inbound emails (by {@code received_at}), so
 * the count survives restarts and is the same on every node.
 */
@Repository
class MailVolume {

    private final JdbcClient jdbc;

    MailVolume(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Emails of the subject received from {@code from} on, stored before email {@code beforeId}. */
    long count(QuarantineSubject subject, Instant from, long beforeId) {
        var sql = switch (subject.kind()) {
            case SENDER -> jdbc.sql("""
                    select count(*) from inbound_email
                    where server_id = :serverId and sender_key = :sender and received_at >= :from and id < :before""")
                    .param("serverId", subject.serverId()).param("sender", subject.sender());
            case THREAD -> jdbc.sql("""
                    select count(*) from inbound_email
                    where thread_ticket_id = :ticketId and received_at >= :from and id < :before""")
                    .param("ticketId", subject.ticketId());
        };
        return sql.param("from", SqlTime.toSql(from)).param("before", beforeId).query(Long.class).single();
    }

    /** Records the ticket an inbound email threads onto, so later mail onto that ticket counts it. */
    void threadedOnto(long inboundEmailId, long ticketId) {
        jdbc.sql("update inbound_email set thread_ticket_id = :ticketId where id = :id")
                .param("ticketId", ticketId).param("id", inboundEmailId).update();
    }
}
