package dev.mailroom.outgoing.sending;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.mailroom.cluster.LocalNode;
import dev.mailroom.graph.GraphMail;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerConnections;
import dev.mailroom.outgoing.OutgoingServerRepository;
import dev.mailroom.outgoing.recipients.RecipientGate;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.transport.OutgoingTransport;
import dev.mailroom.transport.SmtpConnection;
import dev.mailroom.transport.SmtpSessions;
import dev.mailroom.platform.Counts;

/**
 * Takes due outbox emails to the wire: oldest first, in batches, each claimed by this node before it is sent; a
 * a batch's emails to one outgoing server share a few SMTP connections, side by side ({@link SendingWorkers}), kept
 * open from batch to batch for the run ({@link SmtpLinks}); a server whose transport is Microsoft Graph gets its
 * messages one after the other through Graph's sendMail ({@link GraphLink}). Each recipient ends SENT, SEND_FAILED or SEND_IGNORED
 * with an audit entry; temporary failures keep the email pending with a backoff.
 *
 * <p>A DONE email is never sent again, and a recipient with a final state never again. The one way to a second send
 * is a node dying (or losing its database) after the server accepted the message and before the outcome was
 * committed: the email is still SENDING, and after the lease it is sent again under the same Message-ID.
 */
@Service
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    private static final Duration BUDGET = Duration.ofSeconds(30);

    private final OutboxQueue queue;
    private final OutgoingServerRepository servers;
    private final OutgoingServerConnections connections;
    private final SmtpSessions sessions;
    private final MessageComposer composer;
    private final RecipientGate recipientGate;
    private final OutcomeRecorder recorder;
    private final SendingProperties properties;
    private final SendingWorkers workers;
    private final GraphMail graph;
    private final String node;

    OutboxSender(OutboxQueue queue, OutgoingServerRepository servers, OutgoingServerConnections connections,
            SmtpSessions sessions, MessageComposer composer, RecipientGate recipientGate, OutcomeRecorder recorder,
            SendingProperties properties, SendingWorkers workers, GraphMail graph, LocalNode localNode) {
        this.queue = queue;
        this.servers = servers;
        this.connections = connections;
        this.sessions = sessions;
        this.composer = composer;
        this.recipientGate = recipientGate;
        this.recorder = recorder;
        this.properties = properties;
        this.workers = workers;
        this.graph = graph;
        // The node's name and this run of it: restarted under the same name, it never takes an old claim for its own.
        this.node = localNode.name() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Sends what is due now, batch after batch, for at most about 30 seconds; returns how many emails were handled. */
    public int sendDue() {
        int released = queue.releaseExpiredClaims(SqlTime.now().minus(properties.lease()));
        if (released > 0) {
            log.warn("{} left sending by a node that stopped; they are sent again", Counts.of(released, "outbox email"));
        }
        long deadline = System.nanoTime() + BUDGET.toNanos();
        int handled = 0;
        List<DueEmail> batch;
        try (SmtpLinks links = new SmtpLinks(sessions)) {
            do {
                batch = queue.due(SqlTime.now(), properties.batchSize());
                handled += sendBatch(batch, links);
            } while (!batch.isEmpty() && System.nanoTime() < deadline);
        }
        return handled;
    }

    /** One share of a batch, sent over lane {@code lane} to {@code server} (none: the emails only fail). */
    private record Share(OutgoingServer server, SmtpConnection connection, int lane, List<DueEmail> emails) {
    }

    private int sendBatch(List<DueEmail> batch, SmtpLinks links) {
        List<Share> shares = new ArrayList<>();
        for (Map.Entry<Optional<OutgoingServer>, List<DueEmail>> group : byServer(batch).entrySet()) {
            OutgoingServer server = group.getKey().orElse(null);
            if (server == null) {
                shares.add(new Share(null, null, 0, group.getValue()));
                continue;
            }
            SmtpConnection connection = connections.of(server);
            // Graph takes one email after the other through sendMail: one share, no SMTP lanes.
            List<List<DueEmail>> lanes = server.settings().transport() == OutgoingTransport.GRAPH
                    ? List.of(group.getValue()) : workers.shares(group.getValue());
            for (int lane = 0; lane < lanes.size(); lane++) {
                shares.add(new Share(server, connection, lane, lanes.get(lane)));
            }
        }
        return workers.sumOver(shares, share -> sendOver(share.server(), share.emails(), linkFor(share, links)));
    }

    private MailLink linkFor(Share share, SmtpLinks links) {
        if (share.server() == null) {
            return null;
        }
        if (share.server().settings().transport() == OutgoingTransport.GRAPH) {
            return new GraphLink(graph, share.connection().tokenSignIn(), share.server().settings().graphMailbox());
        }
        return links.lane(share.connection(), share.lane());
    }

    /** Claims and sends each email in turn over one connection to the server (none when there is no server). */
    private int sendOver(OutgoingServer server, List<DueEmail> emails, MailLink link) {
        int handled = 0;
        for (DueEmail due : emails) {
            if (queue.claim(due.id(), node, SqlTime.now())) {
                queue.load(due.id()).ifPresent(email -> deliver(email, server, link));
                handled++;
            }
        }
        return handled;
    }

    /** The server each email goes through: the one named on it, else the one of its mailbox, else the default. */
    private Map<Optional<OutgoingServer>, List<DueEmail>> byServer(List<DueEmail> batch) {
        Map<Long, Optional<OutgoingServer>> byId = new HashMap<>();
        Map<Long, Optional<OutgoingServer>> byMailbox = new HashMap<>();
        Map<Long, Optional<OutgoingServer>> canonical = new HashMap<>();
        Map<Optional<OutgoingServer>, List<DueEmail>> groups = new LinkedHashMap<>();
        for (DueEmail due : batch) {
            Optional<OutgoingServer> server = due.outgoingServerId() != null
                    ? byId.computeIfAbsent(due.outgoingServerId(), servers::findById)
                    : byMailbox.computeIfAbsent(due.incomingServerId() == null ? -1L : due.incomingServerId(),
                            mailbox -> servers.findForIncoming(mailbox < 0 ? null : mailbox));
            // One connection per server, whichever way it was found.
            Optional<OutgoingServer> key = canonical.computeIfAbsent(server.map(OutgoingServer::id).orElse(-1L), id -> server);
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(due);
        }
        return groups;
    }

    private void deliver(QueuedEmail email, OutgoingServer server, MailLink link) {
        SendReport report = new SendReport();
        try {
            decide(email, server, link, report);
        } catch (MessagingException | RuntimeException e) {
            log.warn("Outbox email {} ({}) could not be prepared: {}", email.id(), email.messageId(), e.toString());
            report.temporaryFailure("The email could not be prepared for sending: " + SmtpFailures.rootMessage(e));
            report.attempted();
        }
        try {
            recorder.record(email, server, report, node);
        } catch (OutcomeRecorder.ClaimLost e) {
            log.warn("{}: another node took it over after the lease of {}; its outcome there counts", e.getMessage(),
                    properties.lease());
        }
    }

    private void decide(QueuedEmail email, OutgoingServer server, MailLink link, SendReport report)
            throws MessagingException {
        List<QueuedRecipient> pending = email.pendingRecipients();
        if (email.recipients().isEmpty()) {
            report.emptyRecipientList(SendMessages.configurationNotProper("the email has no recipients"));
            return;
        }
        Optional<String> notReady = server == null
                ? Optional.of("no outgoing server is chosen for this mailbox and there is no default outgoing server")
                : server.whyNotReady();
        if (notReady.isPresent()) {
            pending.forEach(recipient -> report.failed(recipient, SendMessages.configurationNotProper(notReady.get())));
            return;
        }
        report.step("outgoing-server", "chosen", "'" + server.name() + "' " + link.address());
        Map<QueuedRecipient, InternetAddress> addresses = new LinkedHashMap<>();
        for (QueuedRecipient recipient : pending) {
            Optional<String> filtered = recipientGate.atSending(server.settings(), recipient.address());
            Optional<InternetAddress> address = HeaderValues.address(recipient.address());
            if (filtered.isPresent()) {
                report.ignored(recipient, filtered.get());
            } else if (address.isEmpty()) {
                report.failed(recipient, SendMessages.INVALID_ADDRESS + "\"" + HeaderValues.oneLine(recipient.address()) + "\"");
            } else {
                addresses.put(recipient, address.get());
            }
        }
        if (addresses.isEmpty()) {
            return;
        }
        ComposedEmail composed = composer.compose(email, server, addresses, link.session());
        report.attempted();
        SendResult result = link.send(composed.message(), composed.recipients());
        if (result.acceptedAny()) {
            report.serverAccepted();
        } else if (result.messageFailure() != null) {
            report.serverFailed(result.messageFailure().description());
        }
        String sent = composed.leftOut().isEmpty() ? SendMessages.SENT
                : SendMessages.SENT + "; " + String.join("; ", composed.leftOut());
        for (Map.Entry<QueuedRecipient, InternetAddress> entry : addresses.entrySet()) {
            String address = entry.getValue().getAddress();
            if (result.accepted(address)) {
                report.sent(entry.getKey(), sent);
                continue;
            }
            SmtpFailure failure = result.failureFor(address);
            if (failure.permanent()) {
                report.failed(entry.getKey(), failure.description());
            } else {
                report.temporaryFailure(failure.description());
            }
        }
        report.step("attempt", "attempt " + (email.attempts() + 1),
                result.serverAnswer() == null ? "not accepted" : "server answered " + result.serverAnswer());
    }
}
