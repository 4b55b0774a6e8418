package dev.mailroom.connectiontest;

import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a Test Connection plan in order, timing each step and stopping at the first failure (the rest are SKIPPED),
 * so the admin sees exactly where it breaks. The password never appears in the result, even when a server echoes it.
 */
final class StepRunner {

    private static final Logger log = LoggerFactory.getLogger(StepRunner.class);

    private StepRunner() {
    }

    /** Every step's result, and the one that failed (null when all passed). */
    record Run(List<StepResult> steps, StepResult failed) {

        ConnectionTestResult result(String successSummary) {
            return failed == null
                    ? new ConnectionTestResult(true, null, successSummary, steps)
                    : new ConnectionTestResult(false, failed.step(), "Failed at " + failed.name() + ": " + failed.detail(), steps);
        }
    }

    static <P extends Probe> Run run(List<? extends Step<? super P>> plan, P probe, String password) {
        List<StepResult> results = new ArrayList<>();
        StepResult failed = null;
        for (Step<? super P> step : plan) {
            if (failed != null) {
                results.add(StepResult.skipped(step.id()));
                continue;
            }
            StepResult result = redact(timed(step, probe), password);
            results.add(result);
            if (result.status() == StepStatus.FAILED) {
                failed = result;
            }
        }
        return new Run(results, failed);
    }

    private static <P extends Probe> StepResult timed(Step<? super P> step, P probe) {
        long start = System.nanoTime();
        Outcome outcome;
        try {
            outcome = step.run(probe);
        } catch (Exception e) {
            log.debug("Test Connection step {} failed unexpectedly", step.id(), e);
            outcome = Outcome.failed(step.id().label() + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), null, Hints.unexpected());
        }
        long durationMs = (System.nanoTime() - start) / 1_000_000;
        return new StepResult(step.id(), step.id().label(), outcome.passed() ? StepStatus.PASSED : StepStatus.FAILED,
                durationMs, outcome.detail(), outcome.replyCode(), outcome.serverResponse(), outcome.hint());
    }

    private static StepResult redact(StepResult result, String password) {
        return new StepResult(result.step(), result.name(), result.status(), result.durationMs(),
                redact(result.detail(), password), result.replyCode(), redact(result.serverResponse(), password),
                redact(result.hint(), password));
    }

    private static String redact(String text, String password) {
        return text == null || password == null || password.isEmpty() ? text : text.replace(password, "******");
    }
}
