package dev.mailroom.console;

import org.springframework.stereotype.Component;

import dev.mailroom.platform.Counts;

/** For templates, how many in words: {@code ${@consoleWords.count(n, 'warning')}} gives "1 warning", "2 warnings". */
@Component
public class ConsoleWords {

    public String count(long count, String singular) {
        return Counts.of(count, singular);
    }

    public String count(long count, String singular, String plural) {
        return Counts.of(count, singular, plural);
    }
}
