package dev.mailroom.intake;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.TraceStep;

/** Runs an email through the stages in their declared order until one ends it. */
@Component
public class IntakePipeline {

    private final List<IntakeStage> stages;

    IntakePipeline(IntakeStages stages) {
        this.stages = stages.inOrder();
    }

    public IntakeOutcome run(IntakeContext context, List<TraceStep> preface) {
        List<TraceStep> trace = new ArrayList<>(preface);
        for (IntakeStage stage : stages) {
            StageResult result = stage.judge(context);
            trace.add(new TraceStep(stage.name(), result.verdict(), result.detail()));
            if (!result.passes()) {
                return new IntakeOutcome(result.status(), result.message(), result.ticketId(), result.ticketDisplayId(),
                        trace);
            }
        }
        // The last stage creates the ticket and always ends the email; reaching here means the order is broken.
        trace.add(new TraceStep("pipeline", "error", "no stage ended this email"));
        return new IntakeOutcome(AuditStatus.PROCESSED_FAILED, AuditMessages.ERROR_CREATING_REQUEST, null, null, trace);
    }

    List<String> stageNames() {
        return stages.stream().map(IntakeStage::name).toList();
    }
}
