package dev.mailroom.platform;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * How a background worker works off a queue kept in the database: batch after batch until the queue is empty or the
 * time budget is spent, so that one run of a scheduled task never holds its turn for long.
 */
public final class BatchDrain {

    private BatchDrain() {
    }

    /**
     * Handles every item of {@code nextBatch} with {@code handle} until a batch comes back empty or {@code budget} has
     * passed. Each handled item must leave the next batch (done, or not due yet). Returns how many were handled.
     */
    public static <T> int drain(Supplier<List<T>> nextBatch, Consumer<T> handle, Duration budget) {
        return drainBatches(nextBatch, batch -> batch.forEach(handle), budget);
    }

    /** Like {@link #drain}, with each batch handled as a whole. */
    public static <T> int drainBatches(Supplier<List<T>> nextBatch, Consumer<List<T>> handle, Duration budget) {
        long deadline = System.nanoTime() + budget.toNanos();
        int handled = 0;
        List<T> batch;
        do {
            batch = nextBatch.get();
            if (!batch.isEmpty()) {
                handle.accept(batch);
                handled += batch.size();
            }
        } while (!batch.isEmpty() && System.nanoTime() < deadline);
        return handled;
    }
}
