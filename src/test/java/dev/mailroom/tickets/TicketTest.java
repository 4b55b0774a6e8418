package dev.mailroom.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TicketTest {

    private static final Instant CREATED = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant LATER = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant LATEST = Instant.parse("2026-03-03T08:00:00Z");

    @Test
    void resolvingStampsResolvedAtAndClosingKeepsIt() {
        Ticket resolved = open().withStatus(TicketStatus.RESOLVED, LATER);
        Ticket closed = resolved.withStatus(TicketStatus.CLOSED, LATEST);

        assertThat(resolved.resolvedAt()).isEqualTo(LATER);
        assertThat(resolved.closedAt()).isNull();
        assertThat(resolved.updatedAt()).isEqualTo(LATER);
        assertThat(closed.resolvedAt()).isEqualTo(LATER);
        assertThat(closed.closedAt()).isEqualTo(LATEST);
    }

    @Test
    void closingAnOpenTicketAlsoResolvesIt() {
        Ticket closed = open().withStatus(TicketStatus.CLOSED, LATER);

        assertThat(closed.resolvedAt()).isEqualTo(LATER);
        assertThat(closed.closedAt()).isEqualTo(LATER);
    }

    @Test
    void reopeningClearsTheStamps() {
        Ticket reopened = open().withStatus(TicketStatus.CLOSED, LATER).withStatus(TicketStatus.IN_PROGRESS, LATEST);

        assertThat(reopened.status()).isEqualTo(TicketStatus.IN_PROGRESS);
        assertThat(reopened.resolvedAt()).isNull();
        assertThat(reopened.closedAt()).isNull();
    }

    @Test
    void stayingInTheSameStatusKeepsTheOriginalStamp() {
        Ticket resolved = open().withStatus(TicketStatus.RESOLVED, LATER);

        assertThat(resolved.withStatus(TicketStatus.RESOLVED, LATEST).resolvedAt()).isEqualTo(LATER);
        assertThat(resolved.with(new TicketChanges(null, TicketStatus.RESOLVED, TicketPriority.HIGH, null, null), LATEST)
                .resolvedAt()).isEqualTo(LATER);
    }

    @Test
    void changesLeaveUnsetFieldsAlone() {
        Ticket changed = open().with(new TicketChanges("  New subject ", null, TicketPriority.LOW, 7L, null), LATER);

        assertThat(changed.subject()).isEqualTo("New subject");
        assertThat(changed.priority()).isEqualTo(TicketPriority.LOW);
        assertThat(changed.groupId()).isEqualTo(7L);
        assertThat(changed.categoryId()).isEqualTo(3L);
        assertThat(changed.status()).isEqualTo(TicketStatus.OPEN);
        assertThat(changed.updatedAt()).isEqualTo(LATER);
        assertThat(changed.createdAt()).isEqualTo(CREATED);
    }

    private static Ticket open() {
        return new Ticket(1, "INC-1", "INC-", 1, "Subject", null, null, 5, TicketStatus.OPEN, TicketPriority.MEDIUM,
                null, 3L, TicketSource.API, null, null, CREATED, CREATED, null, null);
    }
}
