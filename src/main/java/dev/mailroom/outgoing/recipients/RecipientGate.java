package dev.mailroom.outgoing.recipients;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.outgoing.OutgoingServerSettings;
import dev.mailroom.tickets.Ticket;

/**
 * Every reason a recipient is left out of an email (SEND_IGNORED), in {@link AuditMessages}' words, or empty when it
 * may be written to. When a ticket's notification is queued ({@link #beforeQueueing}):
 * <ul>
 * <li>every kind: an address matching a no-reply pattern (nobody reads it; an answer would only bounce or loop), an
 * address marked undeliverable ({@link UndeliverableAddresses});</li>
 * <li>automatic kinds only (acknowledgment, resolved): a ticket made from automatic mail ({@link AutomaticOrigins}),
 * a sender or ticket thread quarantined by the loop breaker ({@link LoopQuarantines}). A technician's reply is a
 * person's deliberate message and still goes: it may be the very email that tells someone their system is looping,
 * and answers to it stay quarantined.</li>
 * </ul>
 * When any email is sent ({@link #atSending}): the outgoing server's ignore filter, as it stands then.
 */
@Component
public class RecipientGate {

    private final NoReplyPatterns noReply;
    private final UndeliverableAddresses undeliverable;
    private final AutomaticOrigins automaticOrigins;
    private final LoopQuarantines quarantines;

    RecipientGate(NoReplyPatterns noReply, UndeliverableAddresses undeliverable, AutomaticOrigins automaticOrigins,
            LoopQuarantines quarantines) {
        this.noReply = noReply;
        this.undeliverable = undeliverable;
        this.automaticOrigins = automaticOrigins;
        this.quarantines = quarantines;
    }

    /** {@code automatic}: the notification is sent by itself (acknowledgment, resolved), not written by a person. */
    public Optional<String> beforeQueueing(Ticket ticket, String recipient, boolean automatic) {
        Optional<String> pattern = noReply.match(recipient);
        if (pattern.isPresent()) {
            return Optional.of(AuditMessages.recipientNoReply(recipient, pattern.get()));
        }
        Optional<String> bounced = undeliverable.reasonFor(recipient);
        if (bounced.isPresent()) {
            return Optional.of(AuditMessages.recipientUndeliverable(recipient, bounced.get()));
        }
        if (!automatic) {
            return Optional.empty();
        }
        Optional<String> automaticMail = automaticOrigins.of(ticket.id());
        if (automaticMail.isPresent()) {
            return Optional.of(AuditMessages.ticketFromAutomaticMail(ticket.displayId(), automaticMail.get()));
        }
        return quarantines.holding(recipient, ticket.incomingServerId(), ticket.id()).map(hold -> hold.wholeThread()
                ? AuditMessages.threadQuarantined(ticket.displayId(), hold.quarantineId())
                : AuditMessages.recipientQuarantined(recipient, hold.quarantineId()));
    }

    public Optional<String> atSending(OutgoingServerSettings server, String recipient) {
        return server.whyFiltered(recipient).map(AuditMessages::recipientFiltered);
    }
}
