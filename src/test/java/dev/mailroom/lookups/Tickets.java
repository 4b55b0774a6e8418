package dev.mailroom.lookups;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Inserts bare ticket rows with plain SQL, so that tests can make a group or category "in use" without the ticket
 * feature's code. Only the columns the ticket table requires are filled.
 */
class Tickets {

    private static final AtomicLong numbers = new AtomicLong(System.nanoTime() % 1_000_000_000L);

    private final JdbcClient jdbc;

    Tickets(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insertUsing(LookupKind kind, long lookupId, long requesterId) {
        long number = numbers.incrementAndGet();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        jdbc.sql("insert into ticket (display_id, prefix, number, subject, requester_id, status, priority, "
                        + kind.ticketColumn() + ", source, created_at, updated_at) "
                        + "values (:displayId, 'TST-', :number, 'In use', :requester, 'OPEN', 'LOW', :lookup, 'API', :now, :now)")
                .param("displayId", "TST-" + number)
                .param("number", number)
                .param("requester", requesterId)
                .param("lookup", lookupId)
                .param("now", now)
                .update();
    }
}
