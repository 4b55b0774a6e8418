package dev.mailroom.outgoing;

import java.util.List;
import java.util.Optional;

import dev.mailroom.addresses.AddressFilter;
import dev.mailroom.addresses.FilterType;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.OutgoingTransport;
import dev.mailroom.transport.SmtpAuthentication;

/**
 * What an admin configured for one outgoing server, validated and with defaults applied; the password is kept apart
 * (encrypted in {@link OutgoingServer}). The filter lists recipients that are never sent to.
 */
public record OutgoingServerSettings(
        String name,
        String host,
        int port,
        MailSecurity security,
        SmtpAuthentication authentication,
        String username,
        String fromAddress,
        String fromName,
        String replyToAddress,
        boolean enabled,
        boolean defaultServer,
        long maxAttachmentBytes,
        List<String> filterEntries,
        boolean trustSelfSignedCertificate,
        int connectTimeoutSeconds,
        int readTimeoutSeconds,
        OutgoingTransport transport) {

    public static final int DEFAULT_PORT = 587;
    public static final MailSecurity DEFAULT_SECURITY = MailSecurity.STARTTLS;
    public static final long DEFAULT_MAX_ATTACHMENT_BYTES = 20L * 1024 * 1024;
    public static final int DEFAULT_CONNECT_TIMEOUT_SECONDS = 10;
    public static final int DEFAULT_READ_TIMEOUT_SECONDS = 60;

    public OutgoingServerSettings {
        filterEntries = List.copyOf(filterEntries);
        transport = transport == null ? OutgoingTransport.SMTP : transport;
    }

    /** A server that sends over SMTP. */
    public OutgoingServerSettings(String name, String host, int port, MailSecurity security,
            SmtpAuthentication authentication, String username, String fromAddress, String fromName,
            String replyToAddress, boolean enabled, boolean defaultServer, long maxAttachmentBytes,
            List<String> filterEntries, boolean trustSelfSignedCertificate, int connectTimeoutSeconds,
            int readTimeoutSeconds) {
        this(name, host, port, security, authentication, username, fromAddress, fromName, replyToAddress, enabled,
                defaultServer, maxAttachmentBytes, filterEntries, trustSelfSignedCertificate, connectTimeoutSeconds,
                readTimeoutSeconds, OutgoingTransport.SMTP);
    }

    /** The mailbox Microsoft Graph sends as: the username, or else the from address. */
    public String graphMailbox() {
        return username != null && !username.isBlank() ? username : fromAddress;
    }

    /** Why this recipient is on the spam/ignore filter ("… matches the Ignore list entry example.com"), or empty. */
    public Optional<String> whyFiltered(String recipient) {
        return new AddressFilter(FilterType.IGNORE, filterEntries).whyIgnored(recipient);
    }

    /**
     * What keeps this server from sending, in the admin's words, or empty when it can send: the FAQ's
     * "configuration is not proper" causes (disabled, incomplete, no Reply-To address).
     */
    public Optional<String> whyNotReady(boolean passwordSet) {
        if (!enabled) {
            return Optional.of("the outgoing server '" + name + "' is disabled");
        }
        if (host == null || host.isBlank() || fromAddress == null || fromAddress.isBlank()) {
            return Optional.of("the outgoing server '" + name + "' has no host or from address");
        }
        if (transport == OutgoingTransport.GRAPH && authentication != SmtpAuthentication.OAUTH2) {
            return Optional.of("the outgoing server '" + name + "' sends through Microsoft Graph, which signs in with "
                    + "OAuth 2.0 only; choose OAuth 2.0 as authentication and authorize the server");
        }
        if (authentication == SmtpAuthentication.PASSWORD && (username == null || username.isBlank() || !passwordSet)) {
            return Optional.of("the outgoing server '" + name + "' signs in with a password, but the username or password is missing");
        }
        if (authentication == SmtpAuthentication.OAUTH2 && (username == null || username.isBlank())) {
            return Optional.of("the outgoing server '" + name + "' signs in with OAuth 2.0, but the username is missing");
        }
        if (replyToAddress == null || replyToAddress.isBlank()) {
            return Optional.of("the outgoing server '" + name + "' has no Reply-To address");
        }
        return Optional.empty();
    }
}
