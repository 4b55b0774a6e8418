package dev.mailroom.console.audit;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.console.ConsoleTimes;

/**
 * Draws the volume chart for the Email Audit's current filter: its range of days (the last 14 days when it names
 * none, at most {@link #MAX_DAYS} ending at its last day), its other filters applied.
 */
@Component
class AuditVolumeCharts {

    static final int DEFAULT_DAYS = 14;
    static final int MAX_DAYS = 92;

    private final AuditLog audit;
    private final ConsoleTimes times;

    AuditVolumeCharts(AuditLog audit, ConsoleTimes times) {
        this.audit = audit;
        this.times = times;
    }

    AuditVolumeChart chart(EmailAuditFilter filter) {
        LocalDate today = LocalDate.now(times.zone());
        LocalDate to = filter.getTo() != null ? filter.getTo()
                : filter.getFrom() != null && filter.getFrom().isAfter(today) ? filter.getFrom() : today;
        LocalDate from = filter.getFrom() != null ? filter.getFrom() : to.minusDays(DEFAULT_DAYS - 1);
        boolean clipped = ChronoUnit.DAYS.between(from, to) >= MAX_DAYS;
        if (clipped) {
            from = to.minusDays(MAX_DAYS - 1);
        }
        return AuditVolumeChart.of(audit.volumeByHour(filter.toQuery(times), times.startOf(from), times.endOf(to)),
                times.zone(), from, to, clipped);
    }
}
