package dev.mailroom.intake.stage;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Component;

import dev.mailroom.addresses.AddressSyntax;
import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditMessages;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.bounces.FailedRecipient;
import dev.mailroom.intake.bounces.FailedRecipients;
import dev.mailroom.intake.bounces.FailureClassifier;
import dev.mailroom.intake.bounces.FailureClassifier.Verdict;
import dev.mailroom.intake.parse.EmailAddress;
import dev.mailroom.intake.parse.MailKind;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.outgoing.outbox.SentNotification;
import dev.mailroom.outgoing.outbox.SentNotifications;
import dev.mailroom.outgoing.recipients.UndeliverableAddresses;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.tickets.ConversationDirection;
import dev.mailroom.tickets.NewAttachment;
import dev.mailroom.tickets.NewConversation;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.threading.ThreadIds;

/**
 * A bounce of one of our notifications becomes a note on the ticket whose notification bounced, never a new ticket.
 * It is found through the returned message's Message-ID, or, when the bounce returns none of ours, through a failed
 * recipient and our latest notification to that address within {@link #RECIPIENT_WINDOW}. Each recipient it failed
 * for gets a SEND_FAILED entry in the Email Audit (where the admin looks for "why did the requester not get our
 * mail") with the cause in words ({@link FailureClassifier}); only a permanent failure of the address itself (unknown
 * mailbox or domain, mailbox disabled or moved) marks it undeliverable, so notifications stop going there
 * (SEND_IGNORED) until an admin releases it. A full mailbox, a spam filter, a message too large leave the address
 * deliverable; only the {@link #SOFT_BOUNCE_LIMIT}th soft bounce from the recipient's side within the window marks
 * it for {@link #TEMPORARY_MARK}. Bounces of anything else pass on (the automated-mail stage ends them).
 */
@Component
public class BounceStage implements IntakeStage {

    static final String CREATED_BY = "mail delivery report";
    /** How far back a bounce without our Message-ID is matched to a notification by its recipient. */
    static final Duration RECIPIENT_WINDOW = Duration.ofDays(7);
    /** This many soft bounces from the recipient's side within the window mark the address for a while. */
    static final int SOFT_BOUNCE_LIMIT = 3;
    static final Duration TEMPORARY_MARK = Duration.ofDays(3);

    private final SentNotifications notifications;
    private final ThreadIds threadIds;
    private final TicketService tickets;
    private final AuditLog audit;
    private final UndeliverableAddresses undeliverable;

    BounceStage(SentNotifications notifications, ThreadIds threadIds, TicketService tickets, AuditLog audit,
            UndeliverableAddresses undeliverable) {
        this.notifications = notifications;
        this.threadIds = threadIds;
        this.tickets = tickets;
        this.audit = audit;
        this.undeliverable = undeliverable;
    }

    @Override
    public String name() {
        return "bounce";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        ParsedEmail email = context.email();
        if (email.signals().kind() != MailKind.BOUNCE) {
            return StageResult.pass("not a delivery failure report");
        }
        List<FailedRecipient> failures = FailedRecipients.of(email);
        List<String> ids = candidateIds(email);
        Optional<Bounced> bounced = ids.stream().map(this::find).flatMap(Optional::stream).findFirst();
        if (bounced.isEmpty()) {
            bounced = byRecipient(failures);
        }
        if (bounced.isEmpty()) {
            return StageResult.pass("a bounce, but none of the Message-IDs it names is mail we sent"
                    + (ids.isEmpty() ? " (it names none)" : ": " + String.join(", ", ids))
                    + (failures.isEmpty() ? "" : ", and we sent no notification to "
                            + String.join(", ", failures.stream().map(FailedRecipient::address).toList())
                            + " in the last " + RECIPIENT_WINDOW.toDays() + " days"));
        }
        Bounced found = bounced.get();
        Ticket ticket = found.ticket();
        List<Judged> judged = failures.stream().map(failure -> judge(found, failure)).toList();
        String summary = summary(found, judged);
        if (context.dryRun()) {
            return StageResult.processed(ticket.id(), ticket.displayId(),
                    "Delivery failure report would be added to " + ticket.displayId() + " as a note", summary);
        }
        List<Judged> applied = judged.stream().map(one -> apply(context, one)).toList();
        tickets.addConversation(ticket.id(), note(email, found, applied, EmailAttachments.of(context)));
        applied.forEach(one -> recordFailure(context, found, one));
        return StageResult.processed(ticket.id(), ticket.displayId(),
                "Delivery failure report added to " + ticket.displayId() + " as a note", summary(found, applied));
    }

    /**
     * Marks a permanent address failure until an admin lifts the mark; counts a soft bounce from the recipient's side
     * and, at the {@link #SOFT_BOUNCE_LIMIT}th within {@link #RECIPIENT_WINDOW}, marks the address for {@link
     * #TEMPORARY_MARK} (never replacing a mark without expiry).
     */
    private Judged apply(IntakeContext context, Judged one) {
        FailedRecipient failure = one.failure();
        var cause = one.verdict().cause();
        if (one.marks()) {
            undeliverable.suppress(failure.address(), AuditMessages.undeliverableByBounce(failure.describe(),
                    cause.words(), context.inbound().messageId(), context.inbound().id()));
            return one;
        }
        if (!one.ours() || cause.addressFailure() || !cause.recipientSide()) {
            return one;
        }
        Instant now = SqlTime.now();
        int count = undeliverable.recordSoftBounce(failure.address(), failure.describe() + " — " + cause.words(),
                now.minus(RECIPIENT_WINDOW));
        if (count < SOFT_BOUNCE_LIMIT) {
            return one;
        }
        Instant until = now.plus(TEMPORARY_MARK);
        long days = RECIPIENT_WINDOW.toDays();
        boolean marked = undeliverable.suppressUntil(failure.address(), AuditMessages.temporarilyUndeliverable(count,
                days, until, failure.describe(), cause.words(), context.inbound().messageId(), context.inbound().id()),
                until);
        return marked ? new Judged(failure, one.verdict(), one.ours(), false,
                AuditMessages.softBouncesMark(count, days, until)) : one;
    }

    /** The returned message's ids first (the surest), then what the bounce itself says it answers. */
    private static List<String> candidateIds(ParsedEmail email) {
        Set<String> ids = new LinkedHashSet<>(email.deliveryReport().returnedMessageIds());
        ids.addAll(email.referencedIds());
        return List.copyOf(ids);
    }

    private Optional<Bounced> find(String messageId) {
        Optional<SentNotification> sent = notifications.findByMessageId(messageId);
        if (sent.isPresent() && sent.get().ticketId() != null) {
            return tickets.findById(sent.get().ticketId()).map(ticket -> new Bounced(ticket, messageId,
                    sent.get().subject(), sent.get().outgoingServerId(), recipients(sent.get()),
                    "linked by the returned Message-ID " + messageId));
        }
        var reading = threadIds.read(messageId);
        if (reading.signed()) {
            return tickets.findByDisplayId(reading.displayId()).map(ticket -> new Bounced(ticket, messageId, null, null,
                    null, "linked by the returned Message-ID " + messageId + " (signed for " + reading.displayId() + ")"));
        }
        return tickets.findConversationByMessageId(messageId)
                .filter(conversation -> conversation.direction() == ConversationDirection.OUTGOING)
                .flatMap(conversation -> tickets.findById(conversation.ticketId()))
                .map(ticket -> new Bounced(ticket, messageId, null, null, null,
                        "linked by the returned Message-ID " + messageId + " (a reply on the ticket)"));
    }

    /**
     * A bounce that returns none of our Message-IDs (many plain-text bounces quote nothing, some servers strip the
     * returned headers): the newest notification to a failed recipient within the window is the likeliest one.
     */
    private Optional<Bounced> byRecipient(List<FailedRecipient> failures) {
        Instant since = SqlTime.now().minus(RECIPIENT_WINDOW);
        for (FailedRecipient failure : failures) {
            Optional<SentNotification> sent = notifications.findLatestTo(failure.address(), since);
            if (sent.isPresent()) {
                SentNotification notification = sent.get();
                Optional<Ticket> ticket = tickets.findById(notification.ticketId());
                if (ticket.isPresent()) {
                    return Optional.of(new Bounced(ticket.get(), notification.messageId(), notification.subject(),
                            notification.outgoingServerId(), recipients(notification),
                            "linked by recipient " + failure.address() + " to the notification sent "
                                    + notification.sentAt() + " (" + notification.messageId() + ", \""
                                    + notification.subject() + "\"): the bounce returns no Message-ID of ours"));
                }
            }
        }
        return Optional.empty();
    }

    private Set<String> recipients(SentNotification sent) {
        Set<String> keys = new LinkedHashSet<>();
        notifications.recipientsOf(sent.outboxId()).forEach(address -> keys.add(AddressSyntax.key(address)));
        return keys;
    }

    /**
     * Marks only a permanent address failure, and only of an address our email went to: a bounce may name the
     * address a recipient forwards to ("expanded from"), which we never mail.
     */
    private static Judged judge(Bounced bounced, FailedRecipient failure) {
        Verdict verdict = FailureClassifier.classify(failure);
        boolean ours = bounced.recipients() == null || bounced.recipients().contains(AddressSyntax.key(failure.address()));
        String outcome = !verdict.addressFailure() ? AuditMessages.BOUNCE_ADDRESS_KEPT
                : ours ? AuditMessages.BOUNCE_ADDRESS_MARKED : AuditMessages.BOUNCE_NOT_OUR_RECIPIENT;
        return new Judged(failure, verdict, ours, verdict.addressFailure() && ours, outcome);
    }

    private static String summary(Bounced bounced, List<Judged> judged) {
        String what = "our email " + bounced.messageId() + (bounced.subject() == null ? "" : " (\"" + bounced.subject() + "\")")
                + " to " + bounced.ticket().displayId() + ", " + bounced.linkedHow() + ",";
        if (judged.isEmpty()) {
            return what + " bounced; the report names no recipient";
        }
        return what + " bounced for " + String.join("; ", judged.stream()
                .map(one -> one.failure().describe() + " [" + one.verdict().why() + ": " + one.outcome() + "]").toList());
    }

    private static NewConversation note(ParsedEmail email, Bounced bounced, List<Judged> judged,
            List<NewAttachment> files) {
        List<String> lines = new ArrayList<>();
        lines.add("Delivery failed: a mail server returned our email"
                + (bounced.subject() == null ? "" : " \"" + bounced.subject() + "\"") + " (" + bounced.messageId() + ").");
        judged.forEach(one -> lines.add("- " + one.failure().describe() + " — " + one.verdict().cause().words() + "; "
                + one.outcome()));
        email.addresses().author().map(EmailAddress::address).ifPresent(from -> lines.add("Reported by " + from + "."));
        if (!email.body().text().isBlank()) {
            lines.add("");
            lines.add(email.body().text());
        }
        return new NewConversation(ConversationDirection.NOTE, null, List.of(), List.of(), null,
                String.join("\n", lines), null, CREATED_BY, files);
    }

    private void recordFailure(IntakeContext context, Bounced bounced, Judged one) {
        audit.record(NewAuditEntry.of(AuditStatus.SEND_FAILED)
                .message(AuditMessages.bounced(one.failure().describe(), one.verdict().cause().words(), one.outcome()))
                .email(bounced.messageId(), null, one.failure().address(), bounced.subject())
                .ticket(bounced.ticket().id(), bounced.ticket().displayId())
                .step("bounce", AuditStatus.SEND_FAILED.name(), "reported by the delivery failure report "
                        + context.inbound().messageId() + " (inbound email #" + context.inbound().id() + "), "
                        + bounced.linkedHow() + "; " + one.verdict().why()
                        + (one.marks() ? " (permanent address failure)" : "")));
    }

    /** @param recipients our email's recipients (lower case), null when the link does not tell */
    private record Bounced(Ticket ticket, String messageId, String subject, Long outgoingServerId,
            Set<String> recipients, String linkedHow) {
    }

    /**
     * @param ours  our email went to the address
     * @param marks a permanent address failure of ours: marks the address until an admin lifts it
     */
    private record Judged(FailedRecipient failure, Verdict verdict, boolean ours, boolean marks, String outcome) {
    }
}
