package dev.mailroom.intake.parse;

import java.util.Arrays;
import java.util.List;

/**
 * Splits a plain-text reply into the author's new text and the rest: the quoted history (after an attribution
 * such as "On …, X wrote:", an Outlook header block, "-----Original Message-----", or a trailing block of
 * {@code >} quotes) and the signature (after "-- " or a "Sent from my phone" line). Interleaved answers between
 * quotes are kept as new text. A bottom-posted reply (history first, answer below) yields the answer.
 */
final class ReplySplitter {

    private ReplySplitter() {
    }

    static ReplyParts split(String text) {
        if (text == null || text.isBlank()) {
            return new ReplyParts("", "");
        }
        List<String> lines = Arrays.asList(text.split("\n", -1));
        boolean[] code = fencedCode(lines);
        int cut = findCut(lines, code, 0);
        if (cut < 0) {
            return new ReplyParts(trimBlankLines(lines, 0, lines.size()), "");
        }
        if (hasText(lines, 0, cut)) {
            return new ReplyParts(trimBlankLines(lines, 0, cut), trimBlankLines(lines, cut, lines.size()));
        }
        int answer = afterHistoryHead(lines, code, cut);
        if (answer < 0) {
            return new ReplyParts(trimBlankLines(lines, 0, lines.size()), "");
        }
        if (answer >= lines.size() || !hasText(lines, answer, lines.size())) {
            return new ReplyParts("", trimBlankLines(lines, 0, lines.size()));
        }
        int next = findCut(lines, code, answer);
        int end = next < 0 ? lines.size() : next;
        String quoted = trimBlankLines(lines, 0, answer) + (next < 0 ? "" : "\n" + trimBlankLines(lines, next, lines.size()));
        return new ReplyParts(trimBlankLines(lines, answer, end), quoted.strip());
    }

    /** The first line where history or a signature starts, or -1. */
    private static int findCut(List<String> lines, boolean[] code, int from) {
        int lastText = lastNonQuoteText(lines);
        for (int i = from; i < lines.size(); i++) {
            if (code[i]) {
                continue;
            }
            String line = lines.get(i);
            if (QuoteMarkers.isBlank(line)) {
                continue;
            }
            if (QuoteMarkers.isSeparator(line) || QuoteMarkers.attributionEnd(lines, i) > 0
                    || QuoteMarkers.headerBlockEnd(lines, i) > 0 || QuoteMarkers.isDelimiter(line)
                    || QuoteMarkers.isMobileSignature(line)) {
                return i;
            }
            if (QuoteMarkers.isQuote(line) && i > lastText) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Where the answer starts when the message opens with history: after the attribution or header block and the
     * quotes under it. -1 when the message opens with something that is not history (a bare quote or signature).
     */
    private static int afterHistoryHead(List<String> lines, boolean[] code, int cut) {
        int j;
        int attribution = QuoteMarkers.attributionEnd(lines, cut);
        int headers = QuoteMarkers.headerBlockEnd(lines, cut);
        if (attribution > 0) {
            j = attribution;
        } else if (headers > 0) {
            j = headers;
        } else if (QuoteMarkers.isSeparator(lines.get(cut))) {
            j = cut + 1;
            while (j < lines.size() && QuoteMarkers.isBlank(lines.get(j))) {
                j++;
            }
            if (j < lines.size()) {
                int block = QuoteMarkers.headerBlockEnd(lines, j);
                j = block > 0 ? block : j;
            }
        } else {
            return -1;
        }
        while (j < lines.size() && !code[j]
                && (QuoteMarkers.isBlank(lines.get(j)) || QuoteMarkers.isQuote(lines.get(j)))) {
            j++;
        }
        return j;
    }

    private static int lastNonQuoteText(List<String> lines) {
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i);
            if (!QuoteMarkers.isBlank(line) && !QuoteMarkers.isQuote(line)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean hasText(List<String> lines, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!lines.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    /** Marks lines inside ``` fences, where a row of #s or dashes is code, not a signature delimiter. */
    private static boolean[] fencedCode(List<String> lines) {
        boolean[] code = new boolean[lines.size()];
        boolean inside = false;
        for (int i = 0; i < lines.size(); i++) {
            boolean fence = lines.get(i).strip().startsWith("```");
            code[i] = inside || fence;
            if (fence) {
                inside = !inside;
            }
        }
        return code;
    }

    /** Lines {@code [from, to)} joined, without blank lines at either end and without trailing spaces. */
    private static String trimBlankLines(List<String> lines, int from, int to) {
        int start = from;
        int end = to;
        while (start < end && lines.get(start).isBlank()) {
            start++;
        }
        while (end > start && lines.get(end - 1).isBlank()) {
            end--;
        }
        return String.join("\n", lines.subList(start, end)).stripTrailing();
    }
}
