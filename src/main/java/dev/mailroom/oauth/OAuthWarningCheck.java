package dev.mailroom.oauth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.audit.AuditLog;
import dev.mailroom.audit.AuditStatus;
import dev.mailroom.audit.NewAuditEntry;

/**
 * Warns before a server's OAuth 2.0 sign-in breaks ({@link OAuthWarnings}): each new warning once as a FETCH_WARNING
 * or SEND_WARNING audit entry, and once more as an {@link OAuthWarningsRaised} event, which the notifications feature
 * mails to the admins. The warnings stay visible on the server's OAuth state until their cause is gone. The
 * configurations of deleted servers are removed here too.
 */
@Component
public class OAuthWarningCheck {

    private static final Logger log = LoggerFactory.getLogger(OAuthWarningCheck.class);

    private final OAuthClientRepository clients;
    private final MailServers servers;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final OAuthProperties properties;
    private final Clock clock;

    OAuthWarningCheck(OAuthClientRepository clients, MailServers servers, AuditLog audit,
            ApplicationEventPublisher events, OAuthProperties properties, Optional<Clock> clock) {
        this.clients = clients;
        this.servers = servers;
        this.audit = audit;
        this.events = events;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Audits the warnings that are new since the last check; returns them ("server: warning"). */
    @Transactional
    public List<String> check() {
        List<String> fresh = new ArrayList<>();
        for (OAuthClient client : clients.findAll()) {
            Optional<OAuthMailServer> server = servers.find(client.server());
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
            events.publishEvent(new OAuthWarningsRaised(fresh));
        }
        return fresh;
    }
}
