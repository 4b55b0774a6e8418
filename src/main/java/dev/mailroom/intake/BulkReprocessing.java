package dev.mailroom.intake;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Service;

import dev.mailroom.platform.DaemonThreads;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.ConflictException;
import dev.mailroom.web.NotFoundException;

/**
 * Reprocesses many emails (an Email Audit filter's ignored or failed ones) in the background, one at a time in the
 * order they arrived, each exactly as a single Reprocess does (with its own audit entry). Progress is kept in memory on
 * the node that runs it, the last {@value #KEPT} runs; one run at a time, the next waits its turn.
 */
@Service
public class BulkReprocessing implements DisposableBean {

    /** The most emails one run takes: a filter matching more is narrowed first, or run again. */
    public static final int MAX_EMAILS = 10_000;
    private static final int KEPT = 20;
    private static final int MAX_PROBLEMS = 50;
    private static final Logger log = LoggerFactory.getLogger(BulkReprocessing.class);

    private final IntakeReruns reruns;
    private final ExecutorService runner = Executors.newSingleThreadExecutor(DaemonThreads.named("bulk-reprocess"));
    private final Map<String, Run> runs = new ConcurrentHashMap<>();

    BulkReprocessing(IntakeReruns reruns) {
        this.reruns = reruns;
    }

    /** Starts reprocessing these inbound emails (oldest first); returns the run's id for {@link #progress}. */
    public String start(List<Long> inboundIds, String startedBy) {
        if (inboundIds.isEmpty()) {
            throw new BadRequestException("emails", "No email to reprocess: the filter matches none");
        }
        if (inboundIds.size() > MAX_EMAILS) {
            throw new BadRequestException("emails", "At most " + MAX_EMAILS + " emails are reprocessed at once; narrow the filter");
        }
        forgetOldRuns();
        Run run = new Run(UUID.randomUUID().toString(), startedBy, List.copyOf(inboundIds));
        runs.put(run.id, run);
        runner.execute(run::execute);
        return run.id;
    }

    public BulkReprocessProgress progress(String id) {
        return Optional.ofNullable(runs.get(id)).map(Run::snapshot)
                .orElseThrow(() -> new NotFoundException("Reprocessing run", id));
    }

    private void forgetOldRuns() {
        if (runs.size() >= KEPT) {
            runs.values().stream().filter(run -> run.snapshot().finished())
                    .min(Comparator.comparing(run -> run.startedAt))
                    .ifPresent(oldest -> runs.remove(oldest.id));
        }
    }

    @Override
    public void destroy() {
        runner.shutdownNow();
    }

    private final class Run {

        private final String id;
        private final String startedBy;
        private final Instant startedAt = Instant.now();
        private final List<Long> inboundIds;
        private final Map<String, Integer> outcomes = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();
        private int done;
        private int skipped;
        private boolean finished;

        Run(String id, String startedBy, List<Long> inboundIds) {
            this.id = id;
            this.startedBy = startedBy;
            this.inboundIds = inboundIds;
        }

        void execute() {
            for (long inboundId : inboundIds) {
                if (Thread.currentThread().isInterrupted()) {
                    problem("Stopped: the server is shutting down; reprocess the rest again later");
                    break;
                }
                reprocessOne(inboundId);
            }
            synchronized (this) {
                finished = true;
            }
        }

        private void reprocessOne(long inboundId) {
            try {
                IntakeOutcome outcome = reruns.reprocess(inboundId);
                synchronized (this) {
                    outcomes.merge(outcome.status().label(), 1, Integer::sum);
                    done++;
                }
            } catch (ConflictException | NotFoundException e) {
                synchronized (this) {
                    skipped++;
                    done++;
                }
            } catch (RuntimeException e) {
                log.warn("Reprocessing email {} failed", inboundId, e);
                problem("Email " + inboundId + " could not be reprocessed: " + e.getMessage());
                synchronized (this) {
                    done++;
                }
            }
        }

        private synchronized void problem(String words) {
            if (problems.size() < MAX_PROBLEMS) {
                problems.add(words);
            }
        }

        synchronized BulkReprocessProgress snapshot() {
            return new BulkReprocessProgress(id, startedBy, startedAt, inboundIds.size(), done, Map.copyOf(outcomes), skipped,
                    List.copyOf(problems), finished);
        }
    }
}
