package dev.mailroom.intake.stage;

import java.util.List;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.spool.InboundEmail;
import dev.mailroom.spool.InboundEmailRepository;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;

/**
 * "This email was processed before": one email sent to two desk mailboxes makes one ticket, not two. Only a copy that
 * became a ticket or a reply counts; when the first copy was refused (by its mailbox's filter, say), the next copy is
 * judged on its own, so the second desk still gets it.
 */
@Component
public class DuplicateMessageStage implements IntakeStage {

    private final InboundEmailRepository inbound;
    private final TicketService tickets;

    DuplicateMessageStage(InboundEmailRepository inbound, TicketService tickets) {
        this.inbound = inbound;
        this.tickets = tickets;
    }

    @Override
    public String name() {
        return "duplicate";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        // A stored email is compared by the id the fetcher recorded; an uploaded one (dry run) by its parsed id.
        String messageId = context.inbound().messageId() != null ? context.inbound().messageId() : context.email().messageId();
        if (messageId == null) {
            return StageResult.pass("the email has no Message-ID to compare");
        }
        List<InboundEmail> earlier = inbound.processedWithMessageId(messageId, context.inbound().id());
        if (earlier.isEmpty()) {
            return StageResult.pass("no earlier copy of Message-ID " + messageId + " became a ticket or a reply");
        }
        InboundEmail first = earlier.get(0);
        String detail = "Message-ID " + messageId + " was already handled as email #" + first.id() + " (mailbox #"
                + first.serverId() + ", received " + first.receivedAt() + ", " + first.state() + ")";
        return tickets.findByMessageId(messageId)
                .map(ticket -> ignoredPointingTo(ticket, detail))
                .orElseGet(() -> StageResult.ignored(AuditMessages.PROCESSED_BEFORE, detail));
    }

    private static StageResult ignoredPointingTo(Ticket ticket, String detail) {
        return StageResult.ignored(AuditMessages.PROCESSED_BEFORE, detail + "; it is on ticket " + ticket.displayId())
                .onTicket(ticket.id(), ticket.displayId());
    }
}
