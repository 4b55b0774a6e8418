package dev.mailroom.intake.parse;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Message-ID, In-Reply-To and References values, normalised to {@code <id>} with inner whitespace removed. */
final class MessageIdReader {

    private static final Pattern BRACKETED = Pattern.compile("<([^<>]+)>");
    private static final Pattern BARE = Pattern.compile("[^\\s<>,;()\"]+@[^\\s<>,;()\"]+");

    private MessageIdReader() {
    }

    /** The first id in the value, or null if there is none. */
    static String first(String value) {
        List<String> ids = all(value);
        return ids.isEmpty() ? null : ids.get(0);
    }

    /** Every id in order, without duplicates. Ids without brackets are accepted when they look like {@code x@y}. */
    static List<String> all(String value) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        Matcher bracketed = BRACKETED.matcher(value);
        while (bracketed.find()) {
            String id = bracketed.group(1).replaceAll("\\s+", "");
            if (!id.isEmpty()) {
                ids.add("<" + id + ">");
            }
        }
        if (ids.isEmpty()) {
            Matcher bare = BARE.matcher(value);
            while (bare.find()) {
                ids.add("<" + bare.group() + ">");
            }
            if (ids.isEmpty() && !value.isBlank() && !value.strip().contains(" ")) {
                ids.add("<" + value.strip() + ">");
            }
        }
        return List.copyOf(new ArrayList<>(ids));
    }
}
