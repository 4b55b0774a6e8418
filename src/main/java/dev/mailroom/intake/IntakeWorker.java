package dev.mailroom.intake;

import java.time.Duration;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;

import dev.mailroom.platform.BatchDrain;
import dev.mailroom.spool.InboundEmailRepository;

/**
 * Takes RECEIVED emails through the intake, oldest first, on db-scheduler (one node at a time). An email whose
 * processing dies with the node stays RECEIVED and is taken again.
 */
@Configuration
class IntakeWorker {

    static final String NAME = "intake";
    private static final int BATCH = 100;
    private static final Duration BUDGET = Duration.ofSeconds(30);

    @Bean
    RecurringTask<Void> intakeTask(InboundEmailRepository inbound, IntakeBatch batch) {
        return Tasks.recurring(NAME, FixedDelay.of(Duration.ofMillis(500)))
                .execute((instance, context) -> BatchDrain.drainBatches(() -> inbound.nextReceived(BATCH), batch::process,
                        BUDGET));
    }
}
