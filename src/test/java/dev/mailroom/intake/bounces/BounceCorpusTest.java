package dev.mailroom.intake.bounces;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.mailroom.intake.parse.ParsedEmail;

/**
 * Failed recipients and hard/soft against real bounces: sisimai's set (its expected reason and hard-bounce flag per
 * failed recipient) and flufl.bounce's (the bounced addresses). Prints the figures: how many hard and soft, the
 * precision of our marks, how many failed recipients we found.
 */
class BounceCorpusTest {

    /** sisimai reasons that are not delivery failures at all. */
    private static final Set<String> NOT_BOUNCES = Set.of("feedback", "vacation", "delivered", "reason");

    @TempDir
    Path blobs;

    @Test
    void sisimaiHardAndSoft() {
        BounceCorpus corpus = new BounceCorpus(blobs);
        Map<String, List<String[]>> byFile = new TreeMap<>();
        for (String[] row : BounceCorpus.tsv("sisimai/expected.tsv")) {
            if (row[0].startsWith("bsd/") && !NOT_BOUNCES.contains(row[4])) {
                byFile.computeIfAbsent(row[0], f -> new ArrayList<>()).add(row);
            }
        }
        int expected = 0;
        int found = 0;
        int hard = 0;
        int soft = 0;
        int truePositive = 0;
        int falsePositive = 0;
        List<String> wrongMarks = new ArrayList<>();
        List<String> missedMarks = new ArrayList<>();
        Map<String, int[]> byReason = new TreeMap<>();
        for (var file : byFile.entrySet()) {
            List<String[]> rows = new ArrayList<>(file.getValue());
            rows.sort(Comparator.comparingInt(r -> Integer.parseInt(r[1])));
            ParsedEmail email = corpus.parse("sisimai/" + file.getKey());
            List<FailedRecipient> ours = FailedRecipients.of(email);
            expected += rows.size();
            found += Math.min(rows.size(), ours.size());
            for (int i = 0; i < rows.size(); i++) {
                String[] row = rows.get(i);
                boolean isHard = row[5].equals("1");
                if (isHard) {
                    hard++;
                } else {
                    soft++;
                }
                int[] counts = byReason.computeIfAbsent(row[4] + (isHard ? " (hard)" : ""), r -> new int[3]);
                counts[0]++;
                if (i >= ours.size()) {
                    if (isHard) {
                        missedMarks.add(file.getKey() + " " + row[4] + ": recipient not found");
                    }
                    continue;
                }
                counts[1]++;
                FailureClassifier.Verdict verdict = FailureClassifier.classify(ours.get(i));
                if (verdict.addressFailure()) {
                    counts[2]++;
                    if (isHard) {
                        truePositive++;
                    } else {
                        falsePositive++;
                        wrongMarks.add(file.getKey() + " " + row[4] + " " + row[2] + ": " + ours.get(i).describe()
                                + " => " + verdict.why());
                    }
                } else if (isHard) {
                    missedMarks.add(file.getKey() + " " + row[4] + ": " + ours.get(i).describe() + " => " + verdict.why());
                }
            }
        }
        System.out.printf("sisimai: %d failed recipients in %d bounces (%d hard, %d soft); found %d (%.1f%%)%n",
                expected, byFile.size(), hard, soft, found, 100.0 * found / expected);
        System.out.printf("sisimai: %d marked undeliverable, %d rightly: precision %.1f%%, recall %.1f%% of hard%n",
                truePositive + falsePositive, truePositive, 100.0 * truePositive / Math.max(1, truePositive + falsePositive),
                100.0 * truePositive / hard);
        byReason.forEach((reason, c) -> System.out.printf("  %-22s %3d, found %3d, marked %3d%n", reason, c[0], c[1], c[2]));
        wrongMarks.forEach(w -> System.out.println("  wrong mark: " + w));
        missedMarks.forEach(m -> System.out.println("  missed: " + m));
    }

    @Test
    void fluflFailedRecipients() {
        BounceCorpus corpus = new BounceCorpus(blobs);
        Map<String, String> expectedByFile = new LinkedHashMap<>();
        for (String[] row : BounceCorpus.tsv("flufl-bounce/expected.tsv")) {
            if (!row[2].isBlank()) {
                expectedByFile.merge(row[0], row[2], (a, b) -> a + " " + b);
            }
        }
        int expected = 0;
        int found = 0;
        int extra = 0;
        List<String> misses = new ArrayList<>();
        for (var file : expectedByFile.entrySet()) {
            Set<String> want = Set.of(file.getValue().toLowerCase().split("\\s+"));
            ParsedEmail email = corpus.parse("flufl-bounce/" + file.getKey());
            List<String> got = FailedRecipients.of(email).stream().map(r -> r.address().toLowerCase()).toList();
            expected += want.size();
            int hit = (int) want.stream().filter(got::contains).count();
            found += hit;
            extra += (int) got.stream().filter(a -> !want.contains(a)).count();
            if (hit < want.size() || got.size() > hit) {
                misses.add(file.getKey() + " (" + email.signals().kind() + ") want " + want + " got " + got);
            }
        }
        System.out.printf("flufl.bounce: %d of %d failed recipients found (%.1f%%), %d other addresses taken for one%n",
                found, expected, 100.0 * found / expected, extra);
        misses.forEach(m -> System.out.println("  differs: " + m));
    }
}
