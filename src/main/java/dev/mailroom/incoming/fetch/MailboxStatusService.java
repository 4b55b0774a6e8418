package dev.mailroom.incoming.fetch;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

@Service
public class MailboxStatusService {

    private final MailboxStateRepository states;
    private final InboundEmailRepository inbound;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final IdleWatchers idleWatchers;

    MailboxStatusService(MailboxStateRepository states, InboundEmailRepository inbound,
            ObjectProvider<SchedulerClient> scheduler, IdleWatchers idleWatchers) {
        this.states = states;
        this.inbound = inbound;
        this.scheduler = scheduler;
        this.idleWatchers = idleWatchers;
    }

    public MailboxStatus status(long serverId) {
        MailboxState state = states.find(serverId).orElse(MailboxState.fresh(serverId));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        return new MailboxStatus(serverId, state.lastPollAt(), state.lastSuccessAt(), state.lastError(),
                state.lastErrorAt(), state.consecutiveFailures(), inbound.countReceivedSince(serverId, today),
                state.backlog(), nextPoll(serverId), idleWatchers.isWatching(serverId));
    }

    public List<MailboxStatus> statuses(List<Long> serverIds) {
        return serverIds.stream().map(this::status).toList();
    }

    private Instant nextPoll(long serverId) {
        return scheduler.getObject()
                .getScheduledExecution(TaskInstanceId.of(MailboxPollTask.NAME, String.valueOf(serverId)))
                .map(ScheduledExecution::getExecutionTime)
                .orElse(null);
    }
}
