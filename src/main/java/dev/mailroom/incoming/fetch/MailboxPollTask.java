package dev.mailroom.incoming.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;

/**
 * One scheduled execution per mailbox, kept in the database by db-scheduler: at most one node polls a mailbox at a
 * time, and a node that dies mid-poll leaves the execution to be picked up by another. Each poll schedules the next.
 */
@Configuration
class MailboxPollTask {

    static final String NAME = "mailbox-poll";

    static TaskInstance<Void> instance(long serverId) {
        return new TaskInstance<>(NAME, String.valueOf(serverId));
    }

    @Bean
    CustomTask<Void> mailboxPoll(MailboxDirectory directory, MailboxPoller poller, PollNudges nudges) {
        return Tasks.custom(NAME, Void.class)
                // The poll records its own failures; this only covers the database being unreachable meanwhile.
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(30)))
                .execute((instance, context) -> {
                    long serverId = Long.parseLong(instance.getId());
                    Optional<MailboxToFetch> mailbox = directory.findEnabled(serverId);
                    if (mailbox.isEmpty()) {
                        return new CompletionHandler.OnCompleteRemove<>();
                    }
                    nudges.consume(serverId);
                    PollResult result = poller.poll(mailbox.get());
                    Instant next = PollSchedule.next(result, mailbox.get().pollInterval(), Instant.now());
                    return (complete, operations) -> operations.reschedule(complete,
                            nudges.consume(serverId) ? Instant.now() : next);
                });
    }
}
