package dev.mailroom.tickets;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailroom.tickets.default-prefix} (INC- unless set) and {@code mailroom.tickets.prefixes}, the prefixes a new
 * ticket may take (by default only the default prefix, which is always allowed).
 * A prefix must not end in a digit, or {@code INC1} + {@code 2} could not be told from {@code INC} + {@code 12}.
 */
@ConfigurationProperties("mailroom.tickets")
public record TicketProperties(String defaultPrefix, List<String> prefixes) {

    static final int MAX_PREFIX_LENGTH = 20;

    public TicketProperties {
        defaultPrefix = defaultPrefix == null || defaultPrefix.isBlank() ? "INC-" : defaultPrefix.strip();
        List<String> allowed = new ArrayList<>();
        allowed.add(defaultPrefix);
        if (prefixes != null) {
            prefixes.stream().filter(p -> p != null && !p.isBlank()).map(String::strip)
                    .filter(p -> allowed.stream().noneMatch(p::equalsIgnoreCase))
                    .forEach(allowed::add);
        }
        allowed.forEach(TicketProperties::check);
        prefixes = List.copyOf(allowed);
    }

    private static void check(String prefix) {
        if (prefix.length() > MAX_PREFIX_LENGTH || !prefix.matches("[A-Za-z][A-Za-z0-9_-]*")
                || Character.isDigit(prefix.charAt(prefix.length() - 1))) {
            throw new IllegalArgumentException("mailroom.tickets: '" + prefix + "' is not a usable ticket prefix "
                    + "(an ASCII letter first, then letters, digits, _ or -, not ending in a digit, at most "
                    + MAX_PREFIX_LENGTH + " characters)");
        }
    }
}
