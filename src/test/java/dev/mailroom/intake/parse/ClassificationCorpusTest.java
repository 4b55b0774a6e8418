package dev.mailroom.intake.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailroom.storage.FileSystemBlobStore;

/**
 * Classification signals against the corpus rows whose category comes from sisimai's or flufl.bounce's own test
 * expectations ({@code category_source} starting with {@code expectation:}).
 */
class ClassificationCorpusTest {

    /**
     * Rows where the expectation and our answer differ for a reason we defend, with that reason. Each must still
     * differ: when one starts to agree, take it off this list.
     */
    private static final Map<String, String> KNOWN_EXCEPTIONS = Map.ofEntries(
            Map.entry("sisimai/bsd/arf-26.eml", "an Apple Mail unsubscribe request with Auto-Submitted: auto-replied; "
                    + "sisimai files it under feedback, we see an automatic message (auto_reply)"),
            Map.entry("sisimai/bsd/lhost-sendmail-14.eml", "a person forwarding a bounce (\"Fwd: Returned mail\"): "
                    + "a desk must treat it as a request, not as a bounce"),
            Map.entry("sisimai/bsd/lhost-fml-02.eml", "a mailing-list manager telling a non-member it may not post: "
                    + "a list notice, not a delivery failure report"),
            Map.entry("sisimai/bsd/lhost-fml-03.eml", "a mailing-list manager's loop alert: a list notice, not a "
                    + "delivery failure report"),
            Map.entry("flufl-bounce/simple_20.txt", "a \"RE: …\" reply subject from an ordinary-looking sender; a "
                    + "person's reply mentioning delivery failure must not be dropped as a bounce"));

    /** Measured agreement, in percent; the floor sits just below it so a regression fails. */
    private static final double FLOOR_PERCENT = 99.0;

    @TempDir
    Path blobs;

    @Test
    void signalsAgreeWithExpectationBackedCategories() throws Exception {
        var parser = new EmailParser(new FileSystemBlobStore(blobs));
        int agreed = 0;
        int exact = 0;
        int total = 0;
        Map<String, int[]> byCategory = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        List<String> exceptionsNowAgreeing = new ArrayList<>();
        for (Map<String, String> row : Corpus.messages()) {
            if (!row.get("category_source").startsWith("expectation:")) {
                continue;
            }
            String path = row.get("path");
            String expected = row.get("category");
            ParsedEmail email;
            try (InputStream in = Files.newInputStream(Corpus.file(path))) {
                email = parser.parse(in);
            }
            String actual = category(email.signals().kind());
            boolean same = family(actual).equals(family(expected));
            if (actual.equals(expected)) {
                exact++;
            }
            if (KNOWN_EXCEPTIONS.containsKey(path)) {
                if (same) {
                    exceptionsNowAgreeing.add(path);
                }
                continue;
            }
            total++;
            int[] counts = byCategory.computeIfAbsent(expected, k -> new int[2]);
            counts[1]++;
            if (same) {
                agreed++;
                counts[0]++;
            } else {
                disagreements.add(path + " expected " + expected + " got " + actual + " (" + row.get("subject") + ")");
            }
        }
        double percent = 100.0 * agreed / total;
        System.out.printf("classification: %d of %d expectation-backed rows agree (%.1f%%); %d agree exactly, "
                + "counting a delay warning and a bounce as different%n", agreed, total, percent, exact);
        byCategory.forEach((category, c) -> System.out.printf("  %-16s %d of %d%n", category, c[0], c[1]));
        disagreements.forEach(d -> System.out.println("  differs: " + d));
        assertThat(exceptionsNowAgreeing).as("known exceptions that now agree").isEmpty();
        assertThat(byCategory.get("bounce")[1]).isGreaterThan(700);
        assertThat(percent).isGreaterThanOrEqualTo(FLOOR_PERCENT);
        assertThat(byCategory.get("auto_reply")[0]).isEqualTo(byCategory.get("auto_reply")[1]);
    }

    /**
     * A DSN with {@code Action: delayed} is a delay warning (RFC 3464); sisimai reports it as a soft bounce with
     * a reason. Both mean "a delivery problem report, not a request", so agreement counts them as one family.
     */
    private static String family(String category) {
        return category.equals("delay_warning") ? "bounce" : category;
    }

    private static String category(MailKind kind) {
        return switch (kind) {
            case BOUNCE -> "bounce";
            case DELAY_WARNING -> "delay_warning";
            case DELIVERY_REPORT -> "dsn_delivered";
            case READ_RECEIPT -> "read_receipt";
            case FEEDBACK_REPORT -> "feedback_report";
            case AUTO_REPLY -> "auto_reply";
            case CHALLENGE_RESPONSE -> "challenge_response";
            case LIST_OR_BULK -> "list_or_bulk";
            case PERSONAL -> "personal";
        };
    }
}
