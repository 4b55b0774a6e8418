package dev.mailroom.platform;

/**
 * A number with its noun, singular or plural as the number asks: "1 entry", "2 entries", "0 users", "1 email". The one
 * place the console, the API's messages and the audit say how many; templates reach it through
 * {@code ${@consoleWords.count(n, 'entry', 'entries')}}.
 */
public final class Counts {

    private Counts() {
    }

    /** For nouns that take an "s": "1 user", "3 users". */
    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }

    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
