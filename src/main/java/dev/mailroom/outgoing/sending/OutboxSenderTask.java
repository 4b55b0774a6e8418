package dev.mailroom.outgoing.sending;

import java.time.Duration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

/**
 * Runs the {@link OutboxSender} on db-scheduler, half a second after the previous run ended, on one node at a time.
 * A node with {@code mailroom.outgoing.sending-enabled=false} does not register the task and never sends.
 */
@Configuration
class OutboxSenderTask {

    static final String NAME = "outbox-sender";

    @Bean
    @ConditionalOnProperty(name = "mailroom.outgoing.sending-enabled", havingValue = "true", matchIfMissing = true)
    RecurringTask<Void> outboxSendingTask(OutboxSender sender) {
        return Tasks.recurring(NAME, FixedDelay.of(Duration.ofMillis(500)))
                .execute((instance, context) -> sender.sendDue());
    }
}
