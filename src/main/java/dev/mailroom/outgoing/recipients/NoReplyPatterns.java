package dev.mailroom.outgoing.recipients;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Addresses nobody reads ({@code noreply@…}, {@code mailer-daemon@…}, {@code bounces+123@…}): a pattern matches the
 * local part, ignoring case, when it is the whole local part or a whole part of it separated by {@code . - _ +}
 * ({@code billing-noreply}, {@code noreply.alerts}, {@code bounces+x1}), but not inside a word ({@code bouncer}).
 */
@Component
class NoReplyPatterns {

    private static final String SEPARATORS = ".-_+=";

    private final List<String> patterns;

    NoReplyPatterns(RecipientProperties properties) {
        this.patterns = properties.noReplyPatterns().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
    }

    /** The pattern the address matches, if any. */
    Optional<String> match(String address) {
        if (address == null) {
            return Optional.empty();
        }
        int at = address.lastIndexOf('@');
        String local = (at < 0 ? address : address.substring(0, at)).strip().toLowerCase(Locale.ROOT);
        return patterns.stream().filter(pattern -> standsIn(local, pattern)).findFirst();
    }

    private static boolean standsIn(String local, String pattern) {
        for (int from = local.indexOf(pattern); from >= 0; from = local.indexOf(pattern, from + 1)) {
            int end = from + pattern.length();
            boolean startsPart = from == 0 || SEPARATORS.indexOf(local.charAt(from - 1)) >= 0;
            boolean endsPart = end == local.length() || SEPARATORS.indexOf(local.charAt(end)) >= 0;
            if (startsPart && endsPart) {
                return true;
            }
        }
        return false;
    }
}
