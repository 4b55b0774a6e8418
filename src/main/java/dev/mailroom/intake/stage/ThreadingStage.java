package dev.mailroom.intake.stage;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import dev.mailroom.incoming.IncomingServerSettings;
import dev.mailroom.intake.IntakeContext;
import dev.mailroom.intake.IntakeStage;
import dev.mailroom.intake.StageResult;
import dev.mailroom.intake.parse.EmailAddress;
import dev.mailroom.intake.parse.MailboxPosition;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.tickets.Conversation;
import dev.mailroom.tickets.MessageIds;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketPrefixes;
import dev.mailroom.tickets.TicketService;
import dev.mailroom.tickets.threading.SubjectReference;
import dev.mailroom.tickets.threading.SubjectReferences;
import dev.mailroom.tickets.threading.ThreadIdReading;
import dev.mailroom.tickets.threading.ThreadIds;

/**
 * Finds the ticket a reply belongs to, trusting the evidence in this order: (a) one of our signed Message-IDs in
 * In-Reply-To/References, (b) a referenced Message-ID of an email already on a ticket, (c) a ticket reference in the
 * subject. The subject is the weakest evidence (anyone can type {@code [INC-42]}), so it counts only from the ticket's
 * requester or a participant, and only when the desk mailbox was addressed. On a miss, the detail says why each key
 * failed.
 */
@Component
public class ThreadingStage implements IntakeStage {

    private static final int MAX_MESSAGE_ID_LENGTH = 990;

    private final ThreadIds threadIds;
    private final TicketService tickets;
    private final TicketPrefixes prefixes;

    ThreadingStage(ThreadIds threadIds, TicketService tickets, TicketPrefixes prefixes) {
        this.threadIds = threadIds;
        this.tickets = tickets;
        this.prefixes = prefixes;
    }

    @Override
    public String name() {
        return "threading";
    }

    @Override
    public StageResult judge(IntakeContext context) {
        List<String> misses = new ArrayList<>();
        List<Reference> references = references(context.email());
        List<Reference> notOurs = new ArrayList<>();
        for (Reference reference : references) {
            ThreadIdReading reading = threadIds.read(reference.id());
            switch (reading.verdict()) {
                case SIGNED -> {
                    Optional<Ticket> ticket = tickets.findByDisplayId(reading.displayId());
                    if (ticket.isPresent()) {
                        return found(context, ticket.get(),
                                reference + " is Mailroom's signed Message-ID for " + reading.displayId(), misses);
                    }
                    misses.add(reference + " is signed for " + reading.displayId() + ", which does not exist");
                }
                case FORGED -> misses.add(reference + " claims to be Mailroom's Message-ID for " + reading.displayId()
                        + " but its signature does not match (changed or forged)");
                case NOT_OURS -> notOurs.add(reference);
            }
        }
        for (Reference reference : notOurs) {
            Optional<Ticket> ticket = tickets.findByMessageId(reference.id());
            if (ticket.isPresent()) {
                boolean original = reference.id().equals(ticket.get().messageId());
                return found(context, ticket.get(), reference + (original ? " is the email that created " : " is an email on ")
                        + ticket.get().displayId(), misses);
            }
            misses.add(reference + " is not a message Mailroom knows");
        }
        if (references.isEmpty()) {
            misses.add("no In-Reply-To or References");
        }
        List<String> subjectPrefixes = subjectPrefixes(context);
        List<SubjectReference> named = SubjectReferences.find(context.email().subject(), subjectPrefixes);
        if (named.isEmpty()) {
            misses.add("the subject names no ticket (prefixes " + String.join(", ", subjectPrefixes) + ")");
        }
        for (SubjectReference reference : named) {
            Optional<Ticket> ticket = tickets.findByDisplayId(reference.displayId());
            List<String> why = ticket.map(t -> whyNotAccepted(context, t)).orElse(List.of("no such ticket"));
            if (why.isEmpty()) {
                return found(context, ticket.get(), "the subject names " + ticket.get().displayId()
                        + " and the sender takes part in it", misses);
            }
            String reason = String.join(" and ", why);
            context.subjectReferenceMissed(reference.displayId(), reason);
            misses.add("subject reference " + reference.displayId() + ": " + reason);
        }
        return StageResult.pass("replies to no ticket: " + String.join("; ", misses));
    }

    private static StageResult found(IntakeContext context, Ticket ticket, String evidence, List<String> missedBefore) {
        context.thread(ticket);
        return StageResult.pass("replies to " + ticket.displayId() + ": " + evidence
                + (missedBefore.isEmpty() ? "" : " (tried before: " + String.join("; ", missedBefore) + ")"));
    }

    /** In-Reply-To first, then References newest first: the message answered most directly decides. */
    private static List<Reference> references(ParsedEmail email) {
        List<Reference> references = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        add(references, seen, "In-Reply-To", email.inReplyTo());
        for (int i = email.references().size() - 1; i >= 0; i--) {
            add(references, seen, "References", email.references().get(i));
        }
        return references;
    }

    private static void add(List<Reference> references, Set<String> seen, String header, String id) {
        // Longer than a stored Message-ID may be: it cannot name anything we keep.
        if (id == null || id.isBlank() || id.length() > MAX_MESSAGE_ID_LENGTH) {
            return;
        }
        String normalized = MessageIds.normalize(id);
        if (seen.add(normalized)) {
            references.add(new Reference(header, normalized));
        }
    }

    /** The display-id prefixes of this installation and the request-ID prefixes the server reserves for replies. */
    private List<String> subjectPrefixes(IntakeContext context) {
        List<String> all = new ArrayList<>(prefixes.allowed());
        context.settings().map(IncomingServerSettings::requestIdPrefixes).orElse(List.of()).stream()
                .filter(reserved -> all.stream().noneMatch(reserved::equalsIgnoreCase))
                .forEach(all::add);
        return all;
    }

    /** Why a ticket named in the subject may not take this email; empty when it may. */
    private List<String> whyNotAccepted(IntakeContext context, Ticket ticket) {
        List<String> why = new ArrayList<>();
        if (!mailboxAddressed(context)) {
            why.add(context.settings().isEmpty() ? "the incoming server is gone, so the desk mailbox cannot be found in To, Cc or Bcc"
                    : "the desk mailbox is not in To, Cc or Bcc");
        }
        Set<String> senders = senders(context);
        if (!takesPart(context, ticket, senders)) {
            why.add("sender " + String.join(", ", senders) + " is not the requester or a participant of " + ticket.displayId());
        }
        return why;
    }

    private static boolean mailboxAddressed(IntakeContext context) {
        return context.settings().stream().flatMap(settings -> settings.mailboxAddresses().stream())
                .map(mailbox -> context.email().addresses().positionOf(mailbox))
                .anyMatch(position -> position != MailboxPosition.NOT_NAMED);
    }

    /** The author, and the Reply-To address when the Email Preference lets it stand for the requester. */
    private static Set<String> senders(IntakeContext context) {
        Set<String> senders = new LinkedHashSet<>();
        context.email().addresses().author().map(EmailAddress::address).ifPresent(senders::add);
        context.requesterAddress().map(EmailAddress::address).ifPresent(senders::add);
        return senders;
    }

    /**
     * The requester, or anyone in From/To/Cc of the ticket's conversations. The desk's own mailboxes are on every
     * thread, so mail claiming to come from them proves nothing.
     */
    private boolean takesPart(IntakeContext context, Ticket ticket, Set<String> senders) {
        if (senders.contains(tickets.requesterOf(ticket).email().toLowerCase(Locale.ROOT))) {
            return true;
        }
        return tickets.conversations(ticket.id()).stream()
                .flatMap(ThreadingStage::addressesOf)
                .map(address -> address.toLowerCase(Locale.ROOT))
                .filter(address -> context.settings().map(settings -> !settings.serves(address)).orElse(true))
                .anyMatch(senders::contains);
    }

    private static Stream<String> addressesOf(Conversation conversation) {
        return Stream.of(Stream.ofNullable(conversation.from()), conversation.to().stream(), conversation.cc().stream())
                .flatMap(s -> s);
    }

    private record Reference(String header, String id) {
        @Override
        public String toString() {
            return header + " " + id;
        }
    }
}
