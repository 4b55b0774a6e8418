package dev.mailroom.outgoing.outbox;

import java.util.Locale;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;
import dev.mailroom.web.PageRequest;
import dev.mailroom.web.PageResponse;

/** What an admin can see and do in the outbox: list, look at one email, and send the failed recipients again. */
@Service
class OutboxAdministration {

    private static final Set<String> STATES = Set.of("PENDING", "SENDING", "DONE");

    private final OutboxViews views;
    private final TicketService tickets;
    private final JdbcClient jdbc;

    OutboxAdministration(OutboxViews views, TicketService tickets, JdbcClient jdbc) {
        this.views = views;
        this.tickets = tickets;
        this.jdbc = jdbc;
    }

    PageResponse<OutboxEmailView> search(String state, String ticket, PageRequest page) {
        String wanted = state == null || state.isBlank() ? null : state.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATES.contains(wanted)) {
            throw new BadRequestException("state", "must be one of PENDING, SENDING, DONE");
        }
        Long ticketId = null;
        if (ticket != null && !ticket.isBlank()) {
            var found = tickets.findByRef(ticket.strip());
            if (found.isEmpty()) {
                return PageResponse.of(java.util.List.of(), page, 0);
            }
            ticketId = found.map(Ticket::id).orElseThrow();
        }
        var items = views.search(wanted, ticketId, page);
        long total = page.page() == 0 && items.size() < page.size() ? items.size() : views.count(wanted, ticketId);
        return PageResponse.of(items, page, total);
    }

    OutboxEmailView get(long id) {
        return views.find(id).orElseThrow(() -> new NotFoundException("Outbox email", id));
    }

    /**
     * Recipients that FAILED go back to PENDING, with a fresh retry window and attempt count, and the email is due
     * now (e.g. after the admin fixed the server's password). Recipients already SENT or IGNORED are left alone.
     */
    @Transactional
    OutboxEmailView retry(long id) {
        OutboxEmailView email = get(id);
        if ("SENDING".equals(email.state())) {
            throw new ConflictException("state", "The email is being sent right now; look again in a moment");
        }
        int failed = jdbc.sql("update outbox_recipient set state = 'PENDING', detail = null where outbox_id = :id and state = 'FAILED'")
                .param("id", id)
                .update();
        if (failed == 0) {
            throw new ConflictException("recipients", "No recipient of this email failed; there is nothing to send again");
        }
        int updated = jdbc.sql("""
                update outbox_email set state = 'PENDING', attempts = 0, next_attempt_at = :now, retry_since = :now,
                    last_error = null, finished_at = null, deferred_audit_id = null
                where id = :id and state in ('PENDING', 'DONE')""")
                .param("now", SqlTime.toSql(SqlTime.now()))
                .param("id", id)
                .update();
        if (updated == 0) {
            throw new ConflictException("state", "The email is being sent right now; look again in a moment");
        }
        return get(id);
    }
}
