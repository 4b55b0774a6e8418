package dev.mailroom.oauth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerRepository;
import dev.mailroom.outgoing.outbox.NewOutboundEmail;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.outgoing.outbox.OutboundRecipient;
import dev.mailroom.outgoing.outbox.Outbox;
import dev.mailroom.platform.MailIdentity;
import dev.mailroom.transport.SmtpAuthentication;

/**
 * Warns before a server's OAuth 2.0 sign-in breaks ({@link OAuthWarnings}): each new warning once as a FETCH_WARNING
 * or SEND_WARNING audit entry, and, when {@code mailroom.oauth.warning-recipients} are set and the default outgoing
 * server can send, one email listing them through the outbox. The warnings stay visible on the server's OAuth state
 * until their cause is gone. The configurations of deleted servers are removed here too.
 */
@Component
public class OAuthWarningCheck {

    private static final Logger log = LoggerFactory.getLogger(OAuthWarningCheck.class);

    private final OAuthClientRepository clients;
    private final MailServers servers;
    private final AuditLog audit;
    private final Outbox outbox;
    private final OutgoingServerRepository outgoingServers;
    private final MailIdentity identity;
    private final OAuthProperties properties;
    private final Clock clock;

    OAuthWarningCheck(OAuthClientRepository clients, MailServers servers, AuditLog audit, Outbox outbox,
            OutgoingServerRepository outgoingServers, MailIdentity identity, OAuthProperties properties,
            Optional<Clock> clock) {
        this.clients = clients;
        this.servers = servers;
        this.audit = audit;
        this.outbox = outbox;
        this.outgoingServers = outgoingServers;
        this.identity = identity;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Audits the warnings that are new since the last check; returns them ("server: warning"). */
    @Transactional
    public List<String> check() {
        List<String> fresh = new ArrayList<>();
        for (OAuthClient client : clients.findAll()) {
            Optional<MailServers.Server> server = servers.find(client.server());
            if (server.isEmpty()) {
                clients.delete(client.server()); // the server was deleted: its secret and tokens go with it
                log.info("OAuth 2.0 configuration of the deleted {} removed", client.server());
                continue;
            }
            List<String> warnings = OAuthWarnings.of(client, clock.instant(), properties);
            for (String warning : warnings) {
                if (!client.auditedWarnings().contains(warning)) {
                    audit.record(NewAuditEntry.of(client.server().kind() == ServerKind.INCOMING
                                    ? AuditStatus.FETCH_WARNING : AuditStatus.SEND_WARNING)
                            .server(client.server().serverId(), server.get().name())
                            .message("OAuth 2.0: " + warning));
                    fresh.add(server.get().name() + " (" + client.server().kind().word() + "): " + warning);
                }
            }
            if (!warnings.equals(client.auditedWarnings())) {
                clients.auditedWarnings(client.server(), warnings);
            }
        }
        if (!fresh.isEmpty()) {
            log.warn("OAuth 2.0 warnings: {}", fresh);
            mailAdmins(fresh);
        }
        return fresh;
    }

    private void mailAdmins(List<String> warnings) {
        List<String> recipients = properties.warningRecipients().stream().filter(a -> !a.isBlank()).map(String::strip).toList();
        if (recipients.isEmpty()) {
            return;
        }
        Optional<OutgoingServer> sender = outgoingServers.findDefault().filter(this::canSend);
        if (sender.isEmpty()) {
            log.warn("OAuth 2.0 warnings not mailed to {}: no default outgoing server can send", recipients);
            return;
        }
        String text = "Mailroom warns that the OAuth 2.0 sign-in of these mail servers will stop working unless an "
                + "admin acts:\n\n" + String.join("\n", warnings.stream().map(w -> "* " + w).toList())
                + "\n\nOpen each server in Mailroom's console (Admin › Support Channels › Emails) to see its OAuth 2.0 "
                + "state and authorize it again.\n";
        outbox.enqueue(new NewOutboundEmail(OutboundKind.ADMIN_WARNING, null, null, null, sender.get().id(),
                recipients.stream().map(OutboundRecipient::to).toList(), messageId(), null, null,
                "Mailroom: OAuth 2.0 sign-in of " + warnings.size() + " mail server warning(s)", text, null, null));
    }

    private boolean canSend(OutgoingServer server) {
        if (server.whyNotReady().isPresent()) {
            return false;
        }
        return server.settings().authentication() != SmtpAuthentication.OAUTH2 || clients.find(OAuthServerRef.outgoing(
                server.id())).map(client -> OAuthState.of(client) == OAuthState.AUTHORIZED).orElse(false);
    }

    private String messageId() {
        return "<OAUTH-WARNING." + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT) + "@"
                + identity.messageIdDomain() + ">";
    }
}
