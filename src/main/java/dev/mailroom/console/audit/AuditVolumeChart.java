package dev.mailroom.console.audit;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.AuditVolume;

/**
 * The Email Audit's volume by status over time: a bar per day of the range (in the console's time zone), split by
 * status, each bar as long as its day's total against the busiest day's.
 */
record AuditVolumeChart(LocalDate from, LocalDate to, boolean clipped, List<Day> days, List<Total> totals) {

    record Day(LocalDate date, long total, List<Segment> segments) {
    }

    /** {@code width} is the percentage of the busiest day's bar, ready for a CSS width. */
    record Segment(AuditStatus status, long count, String width, int hue) {
    }

    record Total(AuditStatus status, long count, int hue) {
    }

    static AuditVolumeChart of(List<AuditVolume> volumes, ZoneId zone, LocalDate from, LocalDate to, boolean clipped) {
        Map<LocalDate, Map<AuditStatus, Long>> perDay = new TreeMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            perDay.put(day, new EnumMap<>(AuditStatus.class));
        }
        Map<AuditStatus, Long> perStatus = new EnumMap<>(AuditStatus.class);
        for (AuditVolume volume : volumes) {
            LocalDate day = volume.hour().atZone(zone).toLocalDate();
            perDay.computeIfAbsent(day, d -> new EnumMap<>(AuditStatus.class)).merge(volume.status(), volume.count(), Long::sum);
            perStatus.merge(volume.status(), volume.count(), Long::sum);
        }
        long busiest = perDay.values().stream().mapToLong(AuditVolumeChart::sum).max().orElse(0);
        List<Day> days = perDay.entrySet().stream().map(day -> new Day(day.getKey(), sum(day.getValue()),
                day.getValue().entrySet().stream().map(count -> new Segment(count.getKey(), count.getValue(),
                        String.format(Locale.ROOT, "%.2f", 100.0 * count.getValue() / busiest), hue(count.getKey()))).toList()))
                .toList();
        List<Total> totals = perStatus.entrySet().stream()
                .map(total -> new Total(total.getKey(), total.getValue(), hue(total.getKey()))).toList();
        return new AuditVolumeChart(from, to, clipped, days, totals);
    }

    private static long sum(Map<AuditStatus, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A colour of its own for each status, spread around the colour wheel. */
    private static int hue(AuditStatus status) {
        return status.ordinal() * 360 / AuditStatus.values().length;
    }
}
