package dev.mailroom.incoming.fetch;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import dev.mailroom.platform.DaemonThreads;

/**
 * "Poll this mailbox now" (new mail announced by IDLE, a configuration saved). The poll is moved to now in the
 * scheduler. If it is running at this moment it cannot be moved: when it runs on this node, it is remembered and the
 * poll runs again as soon as it ends; as it may run on another node (which knows nothing of the nudge), the move is
 * also tried again every half second until the running poll has ended.
 */
@Component
class PollNudges implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(PollNudges.class);
    private static final Duration RETRY = Duration.ofMillis(500);
    private static final int MAX_RETRIES = 240;

    private final Set<Long> pending = ConcurrentHashMap.newKeySet();
    private final Set<Long> retrying = ConcurrentHashMap.newKeySet();
    private final ObjectProvider<SchedulerClient> scheduler;
    private final ScheduledExecutorService retries = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("poll-nudge"));

    PollNudges(ObjectProvider<SchedulerClient> scheduler) {
        this.scheduler = scheduler;
    }

    void nudge(long serverId) {
        pending.add(serverId);
        if (!moveToNow(serverId) && retrying.add(serverId)) {
            retries.schedule(() -> retry(serverId, 1), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void retry(long serverId, int attempt) {
        if (moveToNow(serverId) || attempt >= MAX_RETRIES) {
            retrying.remove(serverId);
        } else {
            retries.schedule(() -> retry(serverId, attempt + 1), RETRY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private boolean moveToNow(long serverId) {
        try {
            TaskInstanceId poll = TaskInstanceId.of(MailboxPollTask.NAME, String.valueOf(serverId));
            SchedulerClient client = scheduler.getObject();
            if (client.getScheduledExecution(poll).isPresent()) {
                client.reschedule(poll, Instant.now());
            } else {
                client.scheduleIfNotExists(MailboxPollTask.instance(serverId), Instant.now());
            }
            return true;
        } catch (RuntimeException e) {
            // Most likely the poll is running right now (here or on another node).
            log.debug("Poll of mailbox {} not moved to now: {}", serverId, e.getMessage());
            return false;
        }
    }

    /** True if a nudge arrived since the last call; clears it. */
    boolean consume(long serverId) {
        return pending.remove(serverId);
    }

    @Override
    public void destroy() {
        retries.shutdownNow();
    }
}
