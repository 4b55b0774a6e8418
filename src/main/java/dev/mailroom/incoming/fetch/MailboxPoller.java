package dev.mailroom.incoming.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.mail.MessagingException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.audit.TraceStep;
import dev.mailroom.incoming.AfterProcessing;
import dev.mailroom.platform.ByteSizes;
import dev.mailroom.platform.Counts;
import dev.mailroom.spool.HeaderSummary;
import dev.mailroom.spool.InboundEmailRepository;
import dev.mailroom.spool.InboundEmailsStored;
import dev.mailroom.spool.InboundState;
import dev.mailroom.spool.NewInboundEmail;
import dev.mailroom.storage.BlobStore;
import dev.mailroom.storage.StagedBlob;

/**
 * One poll of one mailbox. For each new message: raw bytes to the blob store, then the inbound record, the RECEIVED
 * audit entry and the mailbox position committed together, and only then the after-processing action on the server.
 * A crash before the commit fetches the message again; a crash after it leaves the action pending, applied next time.
 * A message that cannot be fetched is recorded and left on the server; it never stops the mailbox.
 */
@Component
public class MailboxPoller {

    private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);
    static final int BATCH_SIZE = 100;
    static final int MAX_PER_POLL = 2000;

    private final MailboxClients clients;
    private final BlobStore blobs;
    private final InboundEmailRepository inbound;
    private final MailboxStateRepository states;
    private final AuditLog audit;
    private final TransactionTemplate transaction;
    private final PollHooks hooks;
    private final ApplicationEventPublisher events;

    MailboxPoller(MailboxClients clients, BlobStore blobs, InboundEmailRepository inbound, MailboxStateRepository states,
            AuditLog audit, TransactionTemplate transaction, Optional<PollHooks> hooks, ApplicationEventPublisher events) {
        this.events = events;
        this.clients = clients;
        this.blobs = blobs;
        this.inbound = inbound;
        this.states = states;
        this.audit = audit;
        this.transaction = transaction;
        this.hooks = hooks.orElse(new PollHooks() {
        });
    }

    public PollResult poll(MailboxToFetch mailbox) {
        MailboxState state = states.findOrCreate(mailbox.serverId());
        try (MailboxClient client = clients.open(mailbox, state.remoteCursor())) {
            long position = positionUnder(client.validity(), state, mailbox);
            List<String> acknowledged = new ArrayList<>(inbound.pendingActions(mailbox.serverId()));
            client.acknowledge(acknowledged, mailbox.action(), mailbox.moveFolder());
            int stored = 0;
            while (stored < MAX_PER_POLL) {
                List<RemoteMessage> batch = client.newMessages(position,
                        keys -> inbound.knownRemoteKeys(mailbox.serverId(), keys), BATCH_SIZE);
                if (batch.isEmpty()) {
                    saveCursor(mailbox, client, state, position);
                    break;
                }
                List<Fetched> fetched = new ArrayList<>();
                try {
                    fetch(mailbox, client, batch, fetched);
                    publish(fetched);
                    hooks.beforeCommit(mailbox.serverId());
                    position = Math.max(position, batch.get(batch.size() - 1).position());
                    commit(mailbox, client.validity(), position, client.cursor(), fetched);
                    events.publishEvent(new InboundEmailsStored(mailbox.serverId(), fetched.size()));
                } finally {
                    discardUnpublished(fetched);
                }
                hooks.beforeAcknowledge(mailbox.serverId());
                List<String> toAcknowledge = fetched.stream().filter(Fetched::actionPending).map(Fetched::remoteKey).toList();
                client.acknowledge(toAcknowledge, mailbox.action(), mailbox.moveFolder());
                acknowledged.addAll(toAcknowledge);
                stored += batch.size();
            }
            int backlog = client.backlog();
            if (client.finish()) {
                inbound.actionsDone(mailbox.serverId(), acknowledged);
            }
            succeeded(mailbox, backlog);
            return new PollResult(stored, backlog, 0);
        } catch (MessagingException | IOException | RuntimeException e) {
            return new PollResult(0, state.backlog(), failed(mailbox, FetchFailure.of(e)));
        }
    }

    /** The last stored UID, or 0 when the server's UIDVALIDITY changed and every UID means something new. */
    private long positionUnder(Long validity, MailboxState state, MailboxToFetch mailbox) {
        if (validity == null || validity.equals(state.uidValidity()) || state.uidValidity() == null) {
            return state.lastUid();
        }
        log.warn("Mailbox {} changed UIDVALIDITY from {} to {}: checking all its messages again",
                mailbox.serverName(), state.uidValidity(), validity);
        return 0;
    }

    /** A fetched message, its blob (raw email or header section) staged until the batch is published. */
    private record Fetched(NewInboundEmail email, NewAuditEntry entry, StagedBlob blob) {
        String remoteKey() {
            return email.remoteKey();
        }

        boolean actionPending() {
            return email.actionPending();
        }
    }

    private void fetch(MailboxToFetch mailbox, MailboxClient client, List<RemoteMessage> batch, List<Fetched> fetched)
            throws MessagingException, IOException {
        for (RemoteMessage message : batch) {
            fetched.add(message.size() > mailbox.maxMessageBytes()
                    ? oversized(mailbox, client, message)
                    : download(mailbox, client, message));
        }
    }

    /** The batch's blobs made durable together, before any row points at them. */
    private void publish(List<Fetched> fetched) throws IOException {
        List<StagedBlob> staged = fetched.stream().map(Fetched::blob).filter(Objects::nonNull).toList();
        try {
            blobs.publish(staged);
        } catch (IOException e) {
            throw new FetchFailure.BlobWriteException(e);
        }
    }

    private void discardUnpublished(List<Fetched> fetched) {
        blobs.discard(fetched.stream().map(Fetched::blob).filter(Objects::nonNull).toList());
    }

    private Fetched download(MailboxToFetch mailbox, MailboxClient client, RemoteMessage message)
            throws MessagingException, IOException {
        StagedBlob raw;
        try (InputStream content = new ServerInputStream(client.open(message))) {
            raw = stageBlob(content);
        } catch (ServerInputStream.ReadFailure | MessagingException e) {
            if (!client.isConnected()) {
                throw e;
            }
            return unreadable(mailbox, message, e);
        }
        HeaderSummary headers = readHeaders(raw);
        boolean actionPending = mailbox.action() != AfterProcessing.KEEP;
        var email = new NewInboundEmail(mailbox.serverId(), message.remoteKey(), InboundState.RECEIVED, actionPending,
                headers, raw.ref().size(), raw.ref().key(), null);
        return new Fetched(email, NewAuditEntry.of(AuditStatus.RECEIVED), raw);
    }

    /** Too large to fetch: its headers are recorded so the admin sees whose email it is; it stays on the server. */
    private Fetched oversized(MailboxToFetch mailbox, MailboxClient client, RemoteMessage message)
            throws MessagingException, IOException {
        StagedBlob headerSection = stageBlob(client.openHeaders(message));
        HeaderSummary headers = readHeaders(headerSection);
        String problem = "Email of " + ByteSizes.words(message.size()) + " exceeds this server's limit of "
                + ByteSizes.words(mailbox.maxMessageBytes()) + "; it was left on the server unprocessed (headers kept)";
        var email = new NewInboundEmail(mailbox.serverId(), message.remoteKey(), InboundState.OVERSIZED, false, headers,
                message.size(), headerSection.ref().key(), problem);
        return new Fetched(email, NewAuditEntry.of(AuditStatus.FETCH_FAILED).message(problem), headerSection);
    }

    private Fetched unreadable(MailboxToFetch mailbox, RemoteMessage message, Exception e) {
        String problem = "Email could not be read from the server (" + FetchFailure.of(e).detail()
                + "); it was left on the server and skipped";
        log.warn("Mailbox {}: message {} could not be read: {}", mailbox.serverName(), message.remoteKey(), e.getMessage());
        var email = new NewInboundEmail(mailbox.serverId(), message.remoteKey(), InboundState.UNREADABLE, false,
                HeaderSummary.unknown(message.remoteKey(), null), message.size(), null, problem);
        return new Fetched(email, NewAuditEntry.of(AuditStatus.FETCH_FAILED).message(problem), null);
    }

    /** Nothing new, but the client may have moved on past messages it left out (already stored, or removed). */
    private void saveCursor(MailboxToFetch mailbox, MailboxClient client, MailboxState state, long position) {
        if (client.cursor() != null && !client.cursor().equals(state.remoteCursor())) {
            states.savePosition(mailbox.serverId(), client.validity(), position, client.cursor());
        }
    }

    private void commit(MailboxToFetch mailbox, Long validity, long position, String cursor, List<Fetched> fetched) {
        transaction.executeWithoutResult(status -> {
            states.lock(mailbox.serverId());
            Set<String> storedMeanwhile = inbound.knownRemoteKeys(mailbox.serverId(),
                    fetched.stream().map(Fetched::remoteKey).toList());
            Instant now = Instant.now();
            for (Fetched item : fetched) {
                if (storedMeanwhile.contains(item.remoteKey())) {
                    continue; // another poll of this mailbox stored it (and acknowledges it) first
                }
                NewInboundEmail email = item.email();
                long id = inbound.insert(email, now);
                HeaderSummary headers = email.headers();
                audit.record(item.entry()
                        .occurredAt(now)
                        .server(mailbox.serverId(), mailbox.serverName())
                        .inboundEmail(id, email.rawBlobKey())
                        .email(headers.messageId(), headers.from(), headers.recipients(), headers.subject()));
            }
            states.savePosition(mailbox.serverId(), validity, position, cursor);
        });
    }

    private void succeeded(MailboxToFetch mailbox, int backlog) {
        MailboxState state = states.findOrCreate(mailbox.serverId());
        Instant now = Instant.now();
        if (state.consecutiveFailures() > 0) {
            audit.record(NewAuditEntry.of(AuditStatus.FETCH_RECOVERED).occurredAt(now)
                    .server(mailbox.serverId(), mailbox.serverName())
                    .message("Fetching works again after " + Counts.of(state.consecutiveFailures(), "failed attempt")
                            + " (last error: "
                            + state.lastError() + ")"));
            log.info("Mailbox {} fetches again after {} failures", mailbox.serverName(), state.consecutiveFailures());
        }
        states.save(state.succeeded(now, backlog));
    }

    /**
     * Records the failure and returns how many failures in a row there were. One outage is one audit entry: later
     * failures are counted on it, and a failure that reads differently is added to its trace.
     */
    private int failed(MailboxToFetch mailbox, FetchFailure failure) {
        MailboxState state = states.findOrCreate(mailbox.serverId());
        TraceStep step = new TraceStep(failure.step(), "failed", failure.detail());
        Long auditId = state.failureAuditId();
        boolean sameOutage = auditId != null && state.consecutiveFailures() > 0 && audit.repeat(auditId, step);
        if (!sameOutage) {
            auditId = audit.record(NewAuditEntry.of(AuditStatus.FETCH_FAILED)
                    .server(mailbox.serverId(), mailbox.serverName()).message(failure.message())
                    .step(step.stage(), step.verdict(), step.detail()));
        }
        if (!failure.message().equals(state.lastError()) || !sameOutage) {
            log.warn("Mailbox {} ({}): {}", mailbox.serverName(), mailbox.connection().address(), failure.message());
        }
        MailboxState failedState = state.failed(Instant.now(), failure.message(), auditId);
        states.save(failedState);
        return failedState.consecutiveFailures();
    }

    private StagedBlob stageBlob(InputStream content) throws IOException {
        try (content) {
            return blobs.stage(content);
        } catch (ServerInputStream.ReadFailure e) {
            throw e;
        } catch (IOException e) {
            throw new FetchFailure.BlobWriteException(e);
        }
    }

    private HeaderSummary readHeaders(StagedBlob raw) throws IOException {
        try (InputStream in = raw.open()) {
            return HeaderSummary.read(in, raw.ref().key());
        }
    }
}
