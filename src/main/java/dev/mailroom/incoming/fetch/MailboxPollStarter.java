package dev.mailroom.incoming.fetch;

import java.time.Instant;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

import com.github.kagkarlsson.scheduler.SchedulerClient;

import dev.mailroom.cluster.ClusterHeartbeat;
import dev.mailroom.incoming.IncomingServerChanged;
import dev.mailroom.oauth.OAuthAuthorized;
import dev.mailroom.oauth.ServerKind;

/** Makes sure every enabled mailbox has its poll scheduled: at start, and as soon as a server is saved. */
@Component
class MailboxPollStarter {

    private final MailboxDirectory directory;
    private final ObjectProvider<SchedulerClient> scheduler;
    private final PollNudges nudges;
    private final IdleWatchers idleWatchers;
    private final ClusterHeartbeat heartbeat;
    private final boolean pollingEnabled;

    MailboxPollStarter(MailboxDirectory directory, ObjectProvider<SchedulerClient> scheduler, PollNudges nudges,
            IdleWatchers idleWatchers, ClusterHeartbeat heartbeat, FetchProperties properties) {
        this.directory = directory;
        this.scheduler = scheduler;
        this.nudges = nudges;
        this.idleWatchers = idleWatchers;
        this.heartbeat = heartbeat;
        this.pollingEnabled = properties.pollingEnabled();
    }

    @EventListener(ApplicationReadyEvent.class)
    void scheduleAll() {
        if (!pollingEnabled) {
            return;
        }
        Instant now = Instant.now();
        directory.enabledServerIds()
                .forEach(serverId -> scheduler.getObject().scheduleIfNotExists(MailboxPollTask.instance(serverId), now));
    }

    /** A saved server is polled at once, so its admin sees the outcome in the audit without waiting an interval. */
    @TransactionalEventListener(fallbackExecution = true)
    void serverChanged(IncomingServerChanged change) {
        if (!pollingEnabled) {
            return;
        }
        nudges.nudge(change.serverId());
        idleWatchers.refresh(change.serverId());
        heartbeat.beatSoon(); // a new, enabled or disabled mailbox gets (or loses) its IDLE holder now
    }

    /** A mailbox authorized again is polled at once: its mail waited while it could not sign in. */
    @TransactionalEventListener(fallbackExecution = true)
    void authorized(OAuthAuthorized authorized) {
        if (authorized.server().kind() == ServerKind.INCOMING) {
            serverChanged(new IncomingServerChanged(authorized.server().serverId()));
        }
    }
}
