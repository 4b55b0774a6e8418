package dev.mailroom.console.audit;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.mailroom.audit.AuditEvent;

/**
 * One entry of the Email Audit's server filter. Incoming and outgoing servers are numbered apart, so the choice names
 * the event too: {@code INCOMING-3} is incoming server 3.
 */
public record AuditServerChoice(AuditEvent event, long serverId, String name) {

    private static final Pattern VALUE = Pattern.compile("(INCOMING|OUTGOING)-(\\d{1,18})");

    public String value() {
        return event.name() + "-" + serverId;
    }

    /** Empty for no choice or one that is not of this form (the filter then leaves the server out). */
    static Optional<AuditServerChoice> parse(String value) {
        Matcher matcher = value == null ? null : VALUE.matcher(value.trim());
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        return Optional.of(new AuditServerChoice(AuditEvent.valueOf(matcher.group(1)), Long.parseLong(matcher.group(2)), null));
    }
}
