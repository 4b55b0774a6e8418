package dev.mailroom.notifications;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.mailroom.oauth.OAuthConfigurations;
import dev.mailroom.oauth.OAuthProperties;
import dev.mailroom.oauth.OAuthServerRef;
import dev.mailroom.oauth.OAuthState;
import dev.mailroom.oauth.OAuthWarningsRaised;
import dev.mailroom.outgoing.OutgoingServer;
import dev.mailroom.outgoing.OutgoingServerRepository;
import dev.mailroom.outgoing.outbox.NewOutboundEmail;
import dev.mailroom.outgoing.outbox.OutboundKind;
import dev.mailroom.outgoing.outbox.OutboundRecipient;
import dev.mailroom.outgoing.outbox.Outbox;
import dev.mailroom.platform.MailIdentity;
import dev.mailroom.transport.SmtpAuthentication;
import dev.mailroom.platform.Counts;

/**
 * Mails new OAuth 2.0 warnings to {@code mailroom.oauth.warning-recipients} through the outbox, when the default
 * outgoing server can send. Runs in the warning check's transaction, so the warnings and the email commit together.
 */
@Component
class OAuthWarningMail {

    private static final Logger log = LoggerFactory.getLogger(OAuthWarningMail.class);

    private final OAuthProperties properties;
    private final OAuthConfigurations oauth;
    private final OutgoingServerRepository outgoingServers;
    private final Outbox outbox;
    private final MailIdentity identity;

    OAuthWarningMail(OAuthProperties properties, OAuthConfigurations oauth, OutgoingServerRepository outgoingServers,
            Outbox outbox, MailIdentity identity) {
        this.properties = properties;
        this.oauth = oauth;
        this.outgoingServers = outgoingServers;
        this.outbox = outbox;
        this.identity = identity;
    }

    @EventListener
    void warningsRaised(OAuthWarningsRaised raised) {
        List<String> warnings = raised.warnings();
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
                "Mailroom: OAuth 2.0 sign-in of " + Counts.of(warnings.size(), "mail server warning"), text, null, null));
    }

    private boolean canSend(OutgoingServer server) {
        if (server.whyNotReady().isPresent()) {
            return false;
        }
        return server.settings().authentication() != SmtpAuthentication.OAUTH2 || oauth.find(
                OAuthServerRef.outgoing(server.id())).map(view -> view.state() == OAuthState.AUTHORIZED).orElse(false);
    }

    private String messageId() {
        return "<OAUTH-WARNING." + UUID.randomUUID().toString().replace("-", "").toLowerCase(Locale.ROOT) + "@"
                + identity.messageIdDomain() + ">";
    }
}
