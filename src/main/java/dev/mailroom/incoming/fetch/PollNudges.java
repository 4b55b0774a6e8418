package dev.mailroom.incoming.fetch;

import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

/**
 * "Poll this mailbox now" (new mail announced by IDLE, a configuration saved). The poll is moved to now in the
 * scheduler; if it is running at this moment, it is remembered and the poll runs again as soon as it ends.
 */
@Component
class PollNudges {

    private static final Logger log = LoggerFactory.getLogger(PollNudges.class);

    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final ObjectProvider<SchedulerClient> scheduler;

    PollNudges(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void nudge(long serverId) {
        pending.add(serverId);
        try {
            TaskInstanceId poll = TaskInstanceId.of(MailboxPollTask.NAME, String.valueOf(serverId));
            SchedulerClient client = scheduler.getObject();
            if (client.getScheduledExecution(poll).isPresent()) {
                client.reschedule(poll, Instant.now());
            } else {
                client.scheduleIfNotExists(MailboxPollTask.instance(serverId), Instant.now());
            }
        } catch (RuntimeException e) {
            // Most likely the poll is running right now; the pending mark makes it run again when it ends.
            log.debug("Poll of mailbox {} not moved to now: {}", serverId, e.getMessage());
        }
    }

    /** True if a nudge arrived since the last call; clears it. */
    boolean consume(long serverId) {
        return pending.remove(serverId);
    }
}
