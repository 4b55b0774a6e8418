package dev.mailroom.intake.rules;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs an admin's regular expression against email text without letting a catastrophic pattern (such as
 * {@code (a+)+b}) hang the intake: the text is clipped, and the matcher reads it through a CharSequence that gives up
 * after a fixed number of character reads. Backtracking shows up as reads, so the budget bounds the work.
 */
final class RegexBudget {

    /** Text beyond this is not looked at: subjects and headers are far shorter, bodies say what matters early. */
    static final int MAX_INPUT_CHARS = 20_000;
    private static final long MAX_CHAR_READS = 2_000_000;

    private RegexBudget() {
    }

    static boolean find(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(new CountingText(clip(text), new long[] {MAX_CHAR_READS}));
        return matcher.find();
    }

    static String clip(String text) {
        return text.length() <= MAX_INPUT_CHARS ? text : text.substring(0, MAX_INPUT_CHARS);
    }

    /** Thrown when a pattern used up its reads; the rule is skipped and the trace says why. */
    static final class Exceeded extends RuntimeException {
        Exceeded() {
            super("the regular expression needed too many steps on this email", null, false, false);
        }
    }

    private record CountingText(String text, long[] readsLeft) implements CharSequence {

        @Override
        public char charAt(int index) {
            if (--readsLeft[0] < 0) {
                throw new Exceeded();
            }
            return text.charAt(index);
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new CountingText(text.substring(start, end), readsLeft);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
