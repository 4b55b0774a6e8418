package dev.mailroom.tickets;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import dev.mailroom.web.BadRequestException;

/** The configured display-id prefixes: which one a new ticket takes, and how a typed display id is read. */
@Component
public class TicketPrefixes {

    private static final Pattern DISPLAY_ID = Pattern.compile("(.*\\D)(\\d{1,18})");

    private final TicketProperties properties;

    TicketPrefixes(TicketProperties properties) {
        this.properties = properties;
    }

    public String defaultPrefix() {
        return properties.defaultPrefix();
    }

    /** Allowed prefixes, the default first. */
    public List<String> allowed() {
        return properties.prefixes();
    }

    /** The configured spelling of a requested prefix (matched ignoring case), the default if none is asked for. */
    public String choose(String requested) {
        if (requested == null || requested.isBlank()) {
            return defaultPrefix();
        }
        return canonical(requested.strip()).orElseThrow(() ->
                new BadRequestException("prefix", "must be one of " + allowed()));
    }

    /**
     * Reads {@code inc-7} as {@code INC-} 7 when INC- is a configured prefix; an unconfigured prefix is kept as written
     * (tickets numbered under a prefix that was removed from the configuration still exist).
     */
    public Optional<DisplayId> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = DISPLAY_ID.matcher(text.strip());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        String prefix = canonical(matcher.group(1)).orElse(matcher.group(1));
        return Optional.of(new DisplayId(prefix, Long.parseLong(matcher.group(2))));
    }

    private Optional<String> canonical(String prefix) {
        return allowed().stream().filter(prefix::equalsIgnoreCase).findFirst();
    }
}
