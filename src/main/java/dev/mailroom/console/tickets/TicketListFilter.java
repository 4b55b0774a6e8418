package dev.mailroom.console.tickets;

import java.time.LocalDate;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;

import dev.mailroom.console.ConsoleTimes;
import dev.mailroom.tickets.TicketFilter;
import dev.mailroom.tickets.TicketPriority;
import dev.mailroom.tickets.TicketSource;
import dev.mailroom.tickets.TicketStatus;

/**
 * The Tickets screen's filters as the form sends them (all optional): subject words, status, requester email, technician
 * group, category, priority, source, a range of created days (inclusive, in the console's time zone), with or without
 * attachments, and the page.
 */
public class TicketListFilter {

    private String q;
    private TicketStatus status;
    private String requester;
    private Long group;
    private Long category;
    private TicketPriority priority;
    private TicketSource source;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate from;
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private LocalDate to;
    private Boolean attachments;
    private Integer page;

    /** The same question the API's {@code GET /api/tickets} asks. */
    TicketFilter toFilter(ConsoleTimes times) {
        return new TicketFilter(status == null ? List.of() : List.of(status), priority, requester, group, category, source,
                q, times.startOf(from), times.endOf(to), attachments);
    }

    boolean rangeReversed() {
        return from != null && to != null && to.isBefore(from);
    }

    public String getQ() {
        return q;
    }

    public void setQ(String q) {
        this.q = q;
    }

    public TicketStatus getStatus() {
        return status;
    }

    public void setStatus(TicketStatus status) {
        this.status = status;
    }

    public String getRequester() {
        return requester;
    }

    public void setRequester(String requester) {
        this.requester = requester;
    }

    public Long getGroup() {
        return group;
    }

    public void setGroup(Long group) {
        this.group = group;
    }

    public Long getCategory() {
        return category;
    }

    public void setCategory(Long category) {
        this.category = category;
    }

    public TicketPriority getPriority() {
        return priority;
    }

    public void setPriority(TicketPriority priority) {
        this.priority = priority;
    }

    public TicketSource getSource() {
        return source;
    }

    public void setSource(TicketSource source) {
        this.source = source;
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

    public Boolean getAttachments() {
        return attachments;
    }

    public void setAttachments(Boolean attachments) {
        this.attachments = attachments;
    }

    public Integer getPage() {
        return page;
    }

    public void setPage(Integer page) {
        this.page = page;
    }
}
