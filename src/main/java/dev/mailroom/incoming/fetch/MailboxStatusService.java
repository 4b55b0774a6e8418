package dev.mailroom.incoming.fetch;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import com.github.kagkarlsson.scheduler.ScheduledExecution;
import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;

import dev.mailroom.cluster.LocalNode;
import dev.mailroom.cluster.MailboxLeases;
import dev.mailroom.spool.InboundEmailRepository;

@Service
public class MailboxStatusService {

    private final MailboxStateRepository states;
    private final InboundEmailRepository inbound;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final IdleWatchers idleWatchers;
    private final MailboxLeases leases;
    private final LocalNode node;

    MailboxStatusService(MailboxStateRepository states, InboundEmailRepository inbound,
            ObjectProvider<SchedulerClient> scheduler, IdleWatchers idleWatchers, MailboxLeases leases, LocalNode node) {
        this.leases = leases;
        this.node = node;
        this.states = states;
        this.inbound = inbound;
        this.scheduler = scheduler;
        this.idleWatchers = idleWatchers;
    }

    public MailboxStatus status(long serverId) {
        MailboxState state = states.find(serverId).orElse(MailboxState.fresh(serverId));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        Optional<ScheduledExecution<Object>> poll = scheduler.getObject()
                .getScheduledExecution(TaskInstanceId.of(MailboxPollTask.NAME, String.valueOf(serverId)));
        String holder = leases.holder(serverId).orElse(null);
        return new MailboxStatus(serverId, state.lastPollAt(), state.lastSuccessAt(), state.lastError(),
                state.lastErrorAt(), state.consecutiveFailures(), inbound.countReceivedSince(serverId, today),
                state.backlog(), poll.map(ScheduledExecution::getExecutionTime).orElse(null),
                watchedByIdle(serverId, holder), holder,
                poll.filter(ScheduledExecution::isPicked).map(ScheduledExecution::getPickedBy).orElse(null));
    }

    /** Watched by this node if it holds the lease; another holder is trusted to watch it. */
    private boolean watchedByIdle(long serverId, String holder) {
        return holder != null && (!holder.equals(node.name()) || idleWatchers.isWatching(serverId));
    }

    public List<MailboxStatus> statuses(List<Long> serverIds) {
        return serverIds.stream().map(this::status).toList();
    }
}
