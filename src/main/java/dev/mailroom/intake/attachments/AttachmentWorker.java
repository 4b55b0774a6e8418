package dev.mailroom.intake.attachments;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.mailroom.platform.BatchDrain;
import dev.mailroom.tickets.AttachmentService;

/**
 * Stores PENDING attachments whose next attempt is due, on db-scheduler (one node at a time). The PENDING rows are the
 * queue: they are written in the ticket's transaction, so a committed ticket always has its large attachments queued,
 * and nothing about the queue lives in memory, so whatever a crash or restart interrupts is simply taken again.
 * {@code mailroom.intake.attachments.worker-enabled=false} keeps a node from running it.
 */
@Configuration
@ConditionalOnProperty(name = "mailroom.intake.attachments.worker-enabled", havingValue = "true", matchIfMissing = true)
class AttachmentWorker {

    static final String NAME = "attachment-store";
    private static final int BATCH = 10;
    private static final Duration BUDGET = Duration.ofSeconds(30);

    @Bean
    RecurringTask<Void> attachmentStoreTask(AttachmentService attachments, PendingAttachmentStorer storer) {
        return Tasks.recurring(NAME, FixedDelay.of(Duration.ofSeconds(1)))
                .execute((instance, context) -> BatchDrain.drain(() -> attachments.duePending(BATCH), storer::attempt,
                        BUDGET));
    }
}
