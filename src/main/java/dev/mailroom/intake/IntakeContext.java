package dev.mailroom.intake;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import dev.mailroom.incoming.IncomingServer;
import dev.mailroom.incoming.IncomingServerSettings;
import dev.mailroom.intake.parse.EmailAddress;
import dev.mailroom.intake.parse.ParsedEmail;
import dev.mailroom.intake.preference.EmailPreference;
import dev.mailroom.spool.InboundEmail;
import dev.mailroom.tickets.Ticket;
import dev.mailroom.tickets.TicketPriority;
import dev.mailroom.users.DeskUser;

/**
 * One email on its way through the stages: what arrived, the configuration it is judged under (captured once at the
 * start), and what earlier stages learned. Stages read the parsed email, never the raw MIME.
 */
public final class IntakeContext {

    private final InboundEmail inbound;
    private final ParsedEmail email;
    private final IncomingServer server;
    private final EmailPreference preference;
    private final boolean dryRun;

    private EmailAddress requesterAddress;
    private DeskUser requester;
    private Long technicianGroupId;
    private Long categoryId;
    private TicketPriority priority;
    private Ticket thread;
    private final Map<String, String> subjectReferenceMisses = new HashMap<>();

    public IntakeContext(InboundEmail inbound, ParsedEmail email, IncomingServer server, EmailPreference preference,
            boolean dryRun) {
        this.inbound = inbound;
        this.email = email;
        this.server = server;
        this.preference = preference;
        this.dryRun = dryRun;
        this.requesterAddress = email.addresses().author().orElse(null);
    }

    public InboundEmail inbound() {
        return inbound;
    }

    public ParsedEmail email() {
        return email;
    }

    /** The incoming server the email came from; empty if it was deleted since (or for a dry run without one). */
    public Optional<IncomingServer> server() {
        return Optional.ofNullable(server);
    }

    public Optional<IncomingServerSettings> settings() {
        return server().map(IncomingServer::settings);
    }

    public EmailPreference preference() {
        return preference;
    }

    /** A dry run judges the email without changing anything: stages that write must only say what they would do. */
    public boolean dryRun() {
        return dryRun;
    }

    /** Who the ticket is for: the author (From), or the Reply-To address where the Email Preference says so. */
    public Optional<EmailAddress> requesterAddress() {
        return Optional.ofNullable(requesterAddress);
    }

    public void requesterAddress(EmailAddress address) {
        this.requesterAddress = address;
    }

    /** The requester's desk account, once a stage looked it up; empty for an unknown (future guest) sender. */
    public Optional<DeskUser> requester() {
        return Optional.ofNullable(requester);
    }

    public void requester(DeskUser user) {
        this.requester = user;
    }

    public Long technicianGroupId() {
        return technicianGroupId;
    }

    public Long categoryId() {
        return categoryId;
    }

    public TicketPriority priority() {
        return priority;
    }

    public void technicianGroupId(Long technicianGroupId) {
        this.technicianGroupId = technicianGroupId;
    }

    public void categoryId(Long categoryId) {
        this.categoryId = categoryId;
    }

    public void priority(TicketPriority priority) {
        this.priority = priority;
    }

    /** The existing ticket this email replies to, once threading found one. */
    public Optional<Ticket> thread() {
        return Optional.ofNullable(thread);
    }

    public void thread(Ticket ticket) {
        this.thread = ticket;
    }

    /** Threading records why a ticket reference in the subject (e.g. {@code REQ-17}) did not attach the email. */
    public void subjectReferenceMissed(String displayId, String why) {
        subjectReferenceMisses.put(displayId.toUpperCase(Locale.ROOT), why);
    }

    public Optional<String> whySubjectReferenceMissed(String displayId) {
        return Optional.ofNullable(subjectReferenceMisses.get(displayId.toUpperCase(Locale.ROOT)));
    }
}
