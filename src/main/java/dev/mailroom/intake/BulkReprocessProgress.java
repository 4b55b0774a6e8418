package dev.mailroom.intake;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Where a run of "reprocess all" stands: how many emails of how many are done, their new outcomes by audit status
 * label, the emails skipped because they are no longer ignored or failed, and each problem in words.
 */
public record BulkReprocessProgress(String id, String startedBy, Instant startedAt, int total, int done,
        Map<String, Integer> outcomes, int skipped, List<String> problems, boolean finished) {

    public int percent() {
        return total == 0 ? 100 : done * 100 / total;
    }
}
