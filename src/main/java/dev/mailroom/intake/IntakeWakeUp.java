package dev.mailroom.intake;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;

import dev.mailroom.spool.InboundEmailsStored;

/**
 * Moves the intake's next run to now when a poll has stored emails, so a new email does not wait for the intake's
 * regular turn. While the intake is running the move fails harmlessly: the running drain takes the new emails too.
 */
@Component
class IntakeWakeUp {

    private static final Logger log = LoggerFactory.getLogger(IntakeWakeUp.class);
    private static final TaskInstanceId INTAKE = TaskInstanceId.of(IntakeWorker.NAME, RecurringTask.INSTANCE);

    private final ObjectProvider<SchedulerClient> scheduler;

    IntakeWakeUp(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    @EventListener
    void emailsStored(InboundEmailsStored stored) {
        SchedulerClient client = scheduler.getIfAvailable();
        if (client == null) {
            return;
        }
        try {
            client.reschedule(INTAKE, Instant.now());
        } catch (RuntimeException e) {
            log.debug("Intake not moved to now after {} emails of mailbox {}: {}", stored.count(), stored.serverId(),
                    e.getMessage());
        }
    }
}
