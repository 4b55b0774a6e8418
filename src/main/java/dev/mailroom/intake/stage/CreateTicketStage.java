package dev.mailroom.intake.stage;

import org.springframework.stereotype.Component;

import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.EmailAddress;
import dev.mailroom.intake.parse.MailKind;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.platform.Texts;
import dev.mailroom.tickets.NewTicket;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketSource;

/** The last stage: the email becomes a new ticket, its requester a guest user if the desk did not know them. */
@Component
public class CreateTicketStage implements IntakeStage {

    static final String NO_SUBJECT = "(no subject)";

    private final TicketService tickets;

    CreateTicketStage(TicketService tickets) {
        this.tickets = tickets;
    }

    @Override
    public String name() {
        return "create-ticket";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        ParsedEmail email = context.email();
        EmailAddress requester = context.requesterAddress().orElseThrow();
        // The full subject stays in the raw email; the ticket keeps what its column holds.
        String subject = email.subject().isBlank() ? NO_SUBJECT : Texts.clip(email.subject().strip(), 1000);
        if (context.dryRun()) {
            return StageResult.processed(null, null, "Request would be created", "would create a ticket \"" + subject + "\" for " + requester.address()
                    + " with " + EmailAttachments.count(context));
        }
        NewTicket.Builder ticket = NewTicket.builder(TicketSource.EMAIL, requester.address(), subject)
                .requesterName(requester.displayName())
                .description(email.body().text(), email.body().html())
                .group(context.technicianGroupId())
                .category(context.categoryId())
                .priority(context.priority())
                .incomingServer(context.inbound().serverId())
                .messageId(email.messageId() != null ? email.messageId() : context.inbound().messageId());
        // Automatic mail normally stops at the automated-mail stage; a reprocess or rule can still bring it here,
        // and then no notification may answer it.
        MailKind kind = email.signals().kind();
        if (kind != MailKind.PERSONAL) {
            ticket.automaticMail(AutomatedMailStage.describe(kind));
        }
        EmailAttachments.of(context).forEach(ticket::attachment);
        Ticket created = tickets.create(ticket.build());
        return StageResult.processed(created.id(), created.displayId(), "Request " + created.displayId() + " created",
                "created ticket " + created.displayId()
                + " for " + requester.address() + " with " + EmailAttachments.count(context));
    }
}
