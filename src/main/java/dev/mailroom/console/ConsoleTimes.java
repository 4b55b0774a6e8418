package dev.mailroom.console;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Instants as the console shows and filters them: in one time zone ({@code mailroom.console.time-zone}, by default the
 * server's), named on the pages, so "today" in a date filter means the admin's day and not UTC's.
 */
@Component
public class ConsoleTimes {

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    ConsoleTimes(@Value("${mailroom.console.time-zone:#{null}}") ZoneId zone) {
        this.zone = zone == null ? ZoneId.systemDefault() : zone;
    }

    public ZoneId zone() {
        return zone;
    }

    /** For templates: {@code ${@consoleTimes.format(entry.occurredAt)}}; empty for no instant. */
    public String format(Instant instant) {
        return instant == null ? "" : SHOWN.format(instant.atZone(zone));
    }

    /** For a time in a sentence, where no column header names the zone: {@code 2026-12-08 09:30:00 (Europe/Berlin)}. */
    public String formatZoned(Instant instant) {
        return instant == null ? "" : format(instant) + " (" + zone.getId() + ")";
    }

    public Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(zone).toInstant();
    }

    /** The end of a date range given as its last day, exclusive. */
    public Instant endOf(LocalDate day) {
        return day == null ? null : day.plusDays(1).atStartOfDay(zone).toInstant();
    }
}
