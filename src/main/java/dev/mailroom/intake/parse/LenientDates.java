package dev.mailroom.intake.parse;

import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Date header as real mailers write it: RFC 5322, with or without weekday and seconds, two-digit years,
 * zone names, comments such as {@code (CET)}, asctime style, or ISO 8601. Null when nothing sensible is there.
 */
final class LenientDates {

    private static final Pattern RFC_LIKE = Pattern.compile(
            "(\\d{1,2})[\\s-]+([A-Za-z]{3})[A-Za-z]*\\.?[\\s-]+(\\d{2,4}),?\\s+(\\d{1,2})[:.](\\d{2})(?:[:.](\\d{2}))?"
                    + "(?:\\.\\d+)?\\s*([+-]\\s?\\d{1,4}|[A-Za-z]{1,5})?");
    private static final Pattern ASCTIME = Pattern.compile(
            "([A-Za-z]{3})[A-Za-z]*\\s+(\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s+(?:([A-Za-z]{1,5}|[+-]\\d{4})\\s+)?(\\d{4})");
    /** "Thursday, April 10, 2008 12:00 AM", as some US mailers write it. */
    private static final Pattern MONTH_FIRST = Pattern.compile(
            "([A-Za-z]{3})[A-Za-z]*\\.?\\s+(\\d{1,2}),?\\s+(\\d{4}),?\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*([AaPp][Mm])?"
                    + "\\s*([+-]\\d{4}|[A-Za-z]{1,5})?");
    private static final Pattern NUMERIC = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})[ T](\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:\\.\\d+)?\\s*(Z|[+-]\\d{2}:?\\d{2})?");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12));
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("gmt", 0), Map.entry("z", 0),
            Map.entry("est", -5), Map.entry("edt", -4), Map.entry("cst", -6), Map.entry("cdt", -5),
            Map.entry("mst", -7), Map.entry("mdt", -6), Map.entry("pst", -8), Map.entry("pdt", -7),
            Map.entry("cet", 1), Map.entry("cest", 2), Map.entry("met", 1), Map.entry("mest", 2),
            Map.entry("bst", 1), Map.entry("eet", 2), Map.entry("eest", 3), Map.entry("jst", 9), Map.entry("kst", 9));

    private LenientDates() {
    }

    static OffsetDateTime parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            String clean = value.replaceAll("\\([^()]*\\)", " ").replaceAll("\\s*:\\s*", ":").strip();
            Matcher numeric = NUMERIC.matcher(clean);
            if (numeric.find() && numeric.start() == 0) {
                return LocalDateTime.of(Integer.parseInt(numeric.group(1)), Integer.parseInt(numeric.group(2)),
                        Integer.parseInt(numeric.group(3)), Integer.parseInt(numeric.group(4)),
                        Integer.parseInt(numeric.group(5)), numeric.group(6) == null ? 0 : Integer.parseInt(numeric.group(6)))
                        .atOffset(offset(numeric.group(7) == null ? null : numeric.group(7).replace(":", "")));
            }
            Matcher rfc = RFC_LIKE.matcher(clean);
            if (rfc.find()) {
                Integer month = MONTHS.get(rfc.group(2).toLowerCase(Locale.ROOT));
                if (month != null) {
                    return at(year(rfc.group(3)), month, Integer.parseInt(rfc.group(1)), rfc.group(4), rfc.group(5),
                            rfc.group(6), rfc.group(7));
                }
            }
            Matcher monthFirst = MONTH_FIRST.matcher(clean);
            if (monthFirst.find()) {
                Integer month = MONTHS.get(monthFirst.group(1).toLowerCase(Locale.ROOT));
                if (month != null) {
                    int hour = Integer.parseInt(monthFirst.group(4)) % 12
                            + ("pm".equalsIgnoreCase(monthFirst.group(7)) ? 12 : 0);
                    if (monthFirst.group(7) == null) {
                        hour = Integer.parseInt(monthFirst.group(4));
                    }
                    return at(Integer.parseInt(monthFirst.group(3)), month, Integer.parseInt(monthFirst.group(2)),
                            String.valueOf(hour), monthFirst.group(5), monthFirst.group(6), monthFirst.group(8));
                }
            }
            Matcher asctime = ASCTIME.matcher(clean);
            if (asctime.find()) {
                Integer month = MONTHS.get(asctime.group(1).toLowerCase(Locale.ROOT));
                if (month != null) {
                    return at(Integer.parseInt(asctime.group(7)), month, Integer.parseInt(asctime.group(2)),
                            asctime.group(3), asctime.group(4), asctime.group(5), asctime.group(6));
                }
            }
            return iso(clean);
        } catch (DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static OffsetDateTime at(int year, int month, int day, String hour, String minute, String second,
            String zone) {
        LocalDateTime local = LocalDateTime.of(year, month, day, Integer.parseInt(hour), Integer.parseInt(minute),
                second == null ? 0 : Math.min(59, Integer.parseInt(second)));
        return local.atOffset(offset(zone));
    }

    private static int year(String digits) {
        int year = Integer.parseInt(digits);
        if (digits.length() <= 2) {
            return year < 50 ? 2000 + year : 1900 + year;
        }
        if (digits.length() == 3) {
            return 1900 + year;
        }
        return year;
    }

    private static ZoneOffset offset(String zone) {
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        String z = zone.replace(" ", "");
        if (z.startsWith("+") || z.startsWith("-")) {
            String digits = z.substring(1);
            if (digits.length() <= 2) {
                digits = digits + "00";
            }
            digits = "0".repeat(Math.max(0, 4 - digits.length())) + digits;
            int hours = Integer.parseInt(digits.substring(0, 2));
            int minutes = Integer.parseInt(digits.substring(2, 4));
            if (hours > 18 || minutes > 59) {
                return ZoneOffset.UTC;
            }
            int sign = z.startsWith("-") ? -1 : 1;
            return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
        }
        Integer hours = ZONES.get(z.toLowerCase(Locale.ROOT));
        return ZoneOffset.ofHours(hours == null ? 0 : hours);
    }

    private static OffsetDateTime iso(String value) {
        try {
            return OffsetDateTime.parse(value, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(value, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atOffset(ZoneOffset.UTC);
            } catch (DateTimeParseException again) {
                return null;
            }
        }
    }
}
