package dev.mailroom.intake.stage;

import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeProperties;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.EmailAddress;
import dev.mailroom.intake.parse.MailKind;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.NewConversation;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketChanges;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.TicketStatus;

/**
 * A reply threaded onto a ticket becomes an incoming conversation with its attachments. The requester's reply puts a
 * RESOLVED ticket back to OPEN (unless {@code mailroom.intake.reopen-on-reply} is off); a CLOSED ticket stays closed,
 * as closing is final, and automatic mail (out-of-office, bounces, receipts) is added without reopening anything.
 * The whole body is kept as it came, quoted history included: splitting off the quote is a heuristic that garbles
 * inline answers, and the thread must keep what was actually written.
 */
@Component
public class ReplyStage implements IntakeStage {

    private final TicketService tickets;
    private final IntakeProperties properties;

    ReplyStage(TicketService tickets, IntakeProperties properties) {
        this.tickets = tickets;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "reply";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        if (context.thread().isEmpty()) {
            return StageResult.pass("not a reply to an existing ticket");
        }
        Ticket ticket = context.thread().get();
        ParsedEmail email = context.email();
        String from = email.addresses().author().or(context::requesterAddress).map(EmailAddress::address).orElse(null);
        boolean reopen = reopens(context, ticket);
        String what = "reply to " + ticket.displayId() + " from " + from + " with " + EmailAttachments.count(context);
        String status = statusNote(context, ticket, reopen);
        if (context.dryRun()) {
            return StageResult.processed(ticket.id(), ticket.displayId(), "Reply would be added to " + ticket.displayId(),
                    "would add " + what + "; " + status);
        }
        Conversation conversation = tickets.addConversation(ticket.id(), NewConversation.incoming(from,
                addresses(email.addresses().to()), addresses(email.addresses().cc()),
                email.messageId() != null ? email.messageId() : context.inbound().messageId(),
                email.body().text(), email.body().html(), EmailAttachments.of(context)));
        if (reopen) {
            tickets.update(ticket.id(), TicketChanges.status(TicketStatus.OPEN));
        }
        return StageResult.processed(ticket.id(), ticket.displayId(), "Reply added to " + ticket.displayId(),
                "added " + what + " (conversation #" + conversation.id() + "); " + status);
    }

    private boolean reopens(IntakeContext context, Ticket ticket) {
        return ticket.status() == TicketStatus.RESOLVED && properties.reopenOnReply() && !automatic(context)
                && fromRequester(context, ticket);
    }

    private String statusNote(IntakeContext context, Ticket ticket, boolean reopen) {
        TicketStatus status = ticket.status();
        if (reopen) {
            return "reopened it (RESOLVED → OPEN): the requester replied";
        }
        if (!status.finished()) {
            return "it stays " + status;
        }
        if (automatic(context)) {
            return "it stays " + status + ": an automatic reply (" + kind(context) + ") never reopens a ticket";
        }
        if (status == TicketStatus.CLOSED) {
            return "it stays CLOSED: a closed ticket is not reopened by mail";
        }
        if (!properties.reopenOnReply()) {
            return "it stays RESOLVED: mailroom.intake.reopen-on-reply is off";
        }
        return "it stays RESOLVED: only the requester's reply reopens it";
    }

    private static boolean automatic(IntakeContext context) {
        return context.email().signals().kind() != MailKind.PERSONAL;
    }

    private static String kind(IntakeContext context) {
        return context.email().signals().kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private boolean fromRequester(IntakeContext context, Ticket ticket) {
        String requester = tickets.requesterOf(ticket).email();
        return context.email().addresses().author().filter(author -> author.hasAddress(requester)).isPresent()
                || context.requesterAddress().filter(address -> address.hasAddress(requester)).isPresent();
    }

    private static List<String> addresses(List<EmailAddress> addresses) {
        return addresses.stream().map(EmailAddress::address).toList();
    }
}
