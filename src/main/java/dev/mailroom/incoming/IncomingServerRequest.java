package dev.mailroom.incoming;

import static dev.mailroom.incoming.IncomingServerSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS;
import static dev.mailroom.incoming.IncomingServerSettings.DEFAULT_MAX_MESSAGE_SIZE_BYTES;
import static dev.mailroom.incoming.IncomingServerSettings.DEFAULT_POLL_INTERVAL_SECONDS;
import static dev.mailroom.incoming.IncomingServerSettings.DEFAULT_READ_TIMEOUT_SECONDS;
import static dev.mailroom.incoming.IncomingServerSettings.INBOX;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import dev.mailroom.addresses.FilterType;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.WellKnownPorts;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An incoming server as an admin submits it, for create, update and Test Connection. Fields left out take their
 * defaults; rules that span fields are checked by {@link IncomingServerRequestValidator}.
 */
public record IncomingServerRequest(
        @Schema(description = "Only read by POST /api/incoming-servers/test: the saved server whose stored password "
                + "is used when no password is given")
        Long id,
        @NotBlank @Size(max = 200, message = "must be at most {max} characters") String name,
        @NotEmpty @Size(max = 50, message = "must have at most {max} entries") List<String> mailboxAddresses,
        @NotNull MailProtocol protocol,
        @NotBlank @Size(max = 253, message = "must be at most {max} characters") String host,
        @Schema(description = "Defaults to the protocol's port for the security type (143/993, 110/995)")
        @Min(1) @Max(65535) Integer port,
        @NotNull MailSecurity security,
        @NotBlank @Size(max = 320, message = "must be at most {max} characters") String username,
        @Schema(description = "Write-only. Required on create (except GRAPH, which signs in with OAuth 2.0 only); on "
                + "update, leave it out to keep the stored one",
                accessMode = Schema.AccessMode.WRITE_ONLY)
        String password,
        @Schema(description = "IMAP or Graph folder to fetch (Graph: a well-known name such as Inbox, or a folder's display name); POP3 has only INBOX", defaultValue = INBOX)
        @Size(max = 500, message = "must be at most {max} characters") String folder,
        @Min(IncomingServerSettings.MIN_POLL_INTERVAL_SECONDS) @Max(86_400) Integer pollIntervalSeconds,
        Boolean enabled,
        @Schema(description = "IMAP and GRAPH: MARK_SEEN (default), MOVE or DELETE; POP3: DELETE (default) or KEEP")
        AfterProcessing afterProcessing,
        @Size(max = 500, message = "must be at most {max} characters") String moveToFolder,
        @Min(1024) @Max(1L << 30) Long maxMessageSizeBytes,
        @Size(max = 50, message = "must have at most {max} entries") List<String> requestIdPrefixes,
        Boolean ccTicketCreation,
        Boolean bccTicketCreation,
        FilterType filterType,
        @Size(max = 500, message = "must have at most {max} entries") List<String> filterEntries,
        Long technicianGroupId,
        Long categoryId,
        Boolean trustSelfSignedCertificate,
        @Min(1) @Max(120) Integer connectTimeoutSeconds,
        @Min(1) @Max(600) Integer readTimeoutSeconds,
        @Schema(description = "The Outgoing Email Server that sends this mailbox's notifications; empty for the default server")
        Long outgoingServerId) {

    static final int MAX_PASSWORD_LENGTH = 1000;

    boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    int effectivePort() {
        return port != null ? port : WellKnownPorts.defaultPort(protocol, security);
    }

    String effectiveFolder() {
        return protocol == MailProtocol.POP3 || folder == null || folder.isBlank() ? INBOX : folder.trim();
    }

    AfterProcessing effectiveAfterProcessing() {
        return afterProcessing != null ? afterProcessing : AfterProcessing.defaultFor(protocol);
    }

    /** The settings to store, trimmed and with defaults; call only after validation passed. */
    IncomingServerSettings toSettings() {
        AfterProcessing after = effectiveAfterProcessing();
        return new IncomingServerSettings(
                name.trim(),
                trimmed(mailboxAddresses),
                protocol,
                host.trim(),
                effectivePort(),
                security,
                username.trim(),
                effectiveFolder(),
                Objects.requireNonNullElse(pollIntervalSeconds, DEFAULT_POLL_INTERVAL_SECONDS),
                Objects.requireNonNullElse(enabled, true),
                after,
                after == AfterProcessing.MOVE ? moveToFolder.trim() : null,
                Objects.requireNonNullElse(maxMessageSizeBytes, DEFAULT_MAX_MESSAGE_SIZE_BYTES),
                trimmed(requestIdPrefixes),
                Objects.requireNonNullElse(ccTicketCreation, false),
                Objects.requireNonNullElse(bccTicketCreation, false),
                Objects.requireNonNullElse(filterType, FilterType.IGNORE),
                normalizedFilterEntries(),
                technicianGroupId,
                categoryId,
                Objects.requireNonNullElse(trustSelfSignedCertificate, false),
                Objects.requireNonNullElse(connectTimeoutSeconds, DEFAULT_CONNECT_TIMEOUT_SECONDS),
                Objects.requireNonNullElse(readTimeoutSeconds, DEFAULT_READ_TIMEOUT_SECONDS),
                outgoingServerId);
    }

    /** Domains may be typed as "@example.com"; they are kept as "example.com". */
    List<String> normalizedFilterEntries() {
        return trimmed(filterEntries).stream().map(e -> e.startsWith("@") ? e.substring(1) : e).toList();
    }

    static List<String> trimmed(List<String> values) {
        return values == null ? List.of() : values.stream().filter(Objects::nonNull).map(String::trim).toList();
    }

    @Override
    public String toString() {
        return "IncomingServerRequest[name=" + name + ", protocol=" + protocol + ", host=" + host + ", port=" + port
                + ", security=" + security + ", username=" + username + "]";
    }
}
