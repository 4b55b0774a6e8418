package dev.mailroom.notifications;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.mailroom.intake.loops.QuarantineKind;
import dev.mailroom.intake.loops.Quarantines;
import dev.mailroom.tickets.Ticket;

/**
 * Why a notification must not go to a recipient, in plain words for the audit, or empty when it may.
 * <ul>
 * <li>Every kind: an address matching a no-reply pattern (nobody reads it; an answer would only bounce or loop), an
 * address marked undeliverable ({@link RecipientSuppressions}).</li>
 * <li>Automatic kinds only (acknowledgment, resolved): a ticket made from automatic mail, a sender or ticket thread
 * quarantined by the loop breaker. A technician's reply is a person's deliberate message and still goes: it may be
 * the very email that tells someone their system is looping, and answers to it stay quarantined.</li>
 * </ul>
 */
@Component
class NotificationSuppressions {

    private final NoReplyPatterns noReply;
    private final RecipientSuppressions undeliverable;
    private final AutomaticOrigins automaticOrigins;
    private final Quarantines quarantines;

    NotificationSuppressions(NoReplyPatterns noReply, RecipientSuppressions undeliverable,
            AutomaticOrigins automaticOrigins, Quarantines quarantines) {
        this.noReply = noReply;
        this.undeliverable = undeliverable;
        this.automaticOrigins = automaticOrigins;
        this.quarantines = quarantines;
    }

    Optional<String> reasonNotToSend(NotificationKind kind, Ticket ticket, String recipient) {
        Optional<String> pattern = noReply.match(recipient);
        if (pattern.isPresent()) {
            return Optional.of("Recipient " + recipient + " matches the no-reply pattern \"" + pattern.get() + "\"");
        }
        Optional<String> bounced = undeliverable.reasonFor(recipient);
        if (bounced.isPresent()) {
            return Optional.of("Recipient " + recipient + " is marked undeliverable: " + bounced.get());
        }
        if (!kind.automatic()) {
            return Optional.empty();
        }
        Optional<String> automatic = automaticOrigins.of(ticket.id());
        if (automatic.isPresent()) {
            return Optional.of("Ticket " + ticket.displayId() + " was created from automatic mail (" + automatic.get() + ")");
        }
        return quarantines.quarantining(recipient, ticket.incomingServerId(), ticket.id()).map(q ->
                q.kind() == QuarantineKind.SENDER
                        ? "Recipient " + recipient + " is quarantined by the loop breaker (quarantine #" + q.id() + ")"
                        : "The thread of " + ticket.displayId() + " is quarantined by the loop breaker (quarantine #"
                                + q.id() + ")");
    }
}
