package dev.mailroom.console.audit;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import dev.mailroom.audit.AuditEvent;
import dev.mailroom.audit.AuditQuery;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.console.ConsoleTimes;

/**
 * The Email Audit screen's filters as the form sends them (all optional): Event, Status, server, a range of days
 * (From and To inclusive, in the console's time zone), sender, recipient, subject, Message-ID, ticket, and the page.
 */
public class EmailAuditFilter {

    private AuditEvent event;
    private AuditStatus status;
    private String server;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private String sender;
    private String recipient;
    private String subject;
    private String messageId;
    private String ticket;
    private Integer page;

    /** The same question the API's {@code GET /api/audit} asks; a server choice also fixes the event it belongs to. */
    AuditQuery toQuery(ConsoleTimes times) {
        AuditServerChoice serverChoice = AuditServerChoice.parse(server).orElse(null);
        AuditEvent eventAsked = serverChoice == null || event != null ? event : serverChoice.event();
        return new AuditQuery(eventAsked, status == null ? List.of() : List.of(status),
                serverChoice == null ? null : serverChoice.serverId(), times.startOf(from), times.endOf(to), sender,
                recipient, subject, messageId, ticket);
    }

    boolean rangeReversed() {
        return from != null && to != null && to.isBefore(from);
    }

    public AuditEvent getEvent() {
        return event;
    }

    public void setEvent(AuditEvent event) {
        this.event = event;
    }

    public AuditStatus getStatus() {
        return status;
    }

    public void setStatus(AuditStatus status) {
        this.status = status;
    }

    public String getServer() {
        return server;
    }

    public void setServer(String server) {
        this.server = server;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getSender() {
        return sender;
    }

    public void setSender(String sender) {
        this.sender = sender;
    }

    public String getRecipient() {
        return recipient;
    }

    public void setRecipient(String recipient) {
        this.recipient = recipient;
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject;
    }

    public String getMessageId() {
        return messageId;
    }

    public void setMessageId(String messageId) {
        this.messageId = messageId;
    }

    public String getTicket() {
        return ticket;
    }

    public void setTicket(String ticket) {
        this.ticket = ticket;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
