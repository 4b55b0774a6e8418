package dev.mailroom.tickets.threading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds ticket references in a subject, as mail clients and people leave them: {@code [INC-42]}, {@code INC-42},
 * {@code Re: Printer (inc-42)}. A reference is one of the given prefixes (any case) and a number, standing as a whole
 * word: {@code XINC-42} and {@code INC-42a} are not references.
 */
public final class SubjectReferences {

    private static final String WORD_CHAR = "[\\p{L}\\p{N}_]";

    private SubjectReferences() {
    }

    /** The references in order of appearance, each once; prefixes are reported in the spelling given here. */
    public static List<SubjectReference> find(String subject, Collection<String> prefixes) {
        if (subject == null || subject.isBlank()) {
            return List.of();
        }
        record Found(int at, SubjectReference reference) {
        }
        List<Found> found = new ArrayList<>();
        for (String prefix : prefixes) {
            if (prefix == null || prefix.isBlank()) {
                continue;
            }
            Matcher matcher = Pattern.compile("(?<!" + WORD_CHAR + ")" + Pattern.quote(prefix.strip()) + "(\\d{1,18})(?!"
                    + WORD_CHAR + ")", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE).matcher(subject);
            while (matcher.find()) {
                found.add(new Found(matcher.start(), new SubjectReference(prefix.strip(), Long.parseLong(matcher.group(1)))));
            }
        }
        Map<String, SubjectReference> unique = new LinkedHashMap<>();
        found.stream().sorted(Comparator.comparingInt(Found::at)).map(Found::reference)
                .forEach(reference -> unique.putIfAbsent(reference.displayId().toUpperCase(Locale.ROOT), reference));
        return List.copyOf(unique.values());
    }
}
