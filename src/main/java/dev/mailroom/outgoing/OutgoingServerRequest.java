package dev.mailroom.outgoing;

import static dev.mailroom.outgoing.OutgoingServerSettings.DEFAULT_CONNECT_TIMEOUT_SECONDS;
import static dev.mailroom.outgoing.OutgoingServerSettings.DEFAULT_MAX_ATTACHMENT_BYTES;
import static dev.mailroom.outgoing.OutgoingServerSettings.DEFAULT_PORT;
import static dev.mailroom.outgoing.OutgoingServerSettings.DEFAULT_READ_TIMEOUT_SECONDS;
import static dev.mailroom.outgoing.OutgoingServerSettings.DEFAULT_SECURITY;

import java.util.List;
import java.util.Objects;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.OutgoingTransport;
import dev.mailroom.transport.SmtpAuthentication;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * An outgoing server as an admin submits it, for create, update and Test Connection. Fields left out take their
 * defaults; rules that span fields are checked by {@link OutgoingServerRequestValidator}.
 */
public record OutgoingServerRequest(
        @Schema(description = "Only read by POST /api/outgoing-servers/test: the saved server whose stored password "
                + "is used when no password is given")
        Long id,
        @NotBlank @Size(max = 200, message = "must be at most {max} characters") String name,
        @NotBlank @Size(max = 253, message = "must be at most {max} characters") String host,
        @Schema(description = "SMTP port", defaultValue = "587") @Min(1) @Max(65535) Integer port,
        @Schema(defaultValue = "STARTTLS") MailSecurity security,
        @Schema(description = "NONE, PASSWORD or OAUTH2 (then PUT /api/outgoing-servers/{id}/oauth and authorize); "
                + "default PASSWORD when a username is given, otherwise NONE") SmtpAuthentication authentication,
        @Size(max = 320, message = "must be at most {max} characters") String username,
        @Schema(description = "Write-only. Required on create when authentication is PASSWORD; on update, leave it "
                + "out to keep the stored one", accessMode = Schema.AccessMode.WRITE_ONLY)
        String password,
        @NotBlank @Size(max = 320, message = "must be at most {max} characters") String fromAddress,
        @Size(max = 200, message = "must be at most {max} characters") String fromName,
        @Schema(description = "Replies go here; a server without one cannot send (\"configuration is not proper\")")
        @Size(max = 320, message = "must be at most {max} characters") String replyToAddress,
        @Schema(defaultValue = "true") Boolean enabled,
        @Schema(description = "Sends for every mailbox that has no server of its own. The first server becomes the "
                + "default; on update, leave it out to keep the current choice")
        Boolean defaultServer,
        @Schema(defaultValue = "20971520") @Min(1024) @Max(1L << 30) Long maxAttachmentBytes,
        @Schema(description = "Spam/ignore filter: recipients (addresses or domains) never sent to")
        @Size(max = 500, message = "must have at most {max} entries") List<String> filterEntries,
        @Schema(defaultValue = "false") Boolean trustSelfSignedCertificate,
        @Schema(defaultValue = "10") @Min(1) @Max(120) Integer connectTimeoutSeconds,
        @Schema(defaultValue = "60") @Min(1) @Max(600) Integer readTimeoutSeconds,
        @Schema(description = "Only read by POST /api/outgoing-servers/test: send a test email to this address")
        @Size(max = 320, message = "must be at most {max} characters") String testRecipient,
        @Schema(description = "SMTP (default), or GRAPH to send through Microsoft Graph's sendMail as the username "
                + "(or from address) with OAuth 2.0; the host, port and security are then not used", defaultValue = "SMTP")
        OutgoingTransport transport) {

    /** A server that sends over SMTP. */
    public OutgoingServerRequest(Long id, String name, String host, Integer port, MailSecurity security,
            SmtpAuthentication authentication, String username, String password, String fromAddress, String fromName,
            String replyToAddress, Boolean enabled, Boolean defaultServer, Long maxAttachmentBytes,
            List<String> filterEntries, Boolean trustSelfSignedCertificate, Integer connectTimeoutSeconds,
            Integer readTimeoutSeconds, String testRecipient) {
        this(id, name, host, port, security, authentication, username, password, fromAddress, fromName, replyToAddress,
                enabled, defaultServer, maxAttachmentBytes, filterEntries, trustSelfSignedCertificate,
                connectTimeoutSeconds, readTimeoutSeconds, testRecipient, OutgoingTransport.SMTP);
    }

    static final int MAX_PASSWORD_LENGTH = 1000;

    boolean hasPassword() {
        return password != null && !password.isEmpty();
    }

    int effectivePort() {
        return port != null ? port : DEFAULT_PORT;
    }

    MailSecurity effectiveSecurity() {
        return security != null ? security : DEFAULT_SECURITY;
    }

    SmtpAuthentication effectiveAuthentication() {
        if (authentication != null) {
            return authentication;
        }
        return username == null || username.isBlank() ? SmtpAuthentication.NONE : SmtpAuthentication.PASSWORD;
    }

    /** The settings to store, trimmed and with defaults; call only after validation passed. */
    public OutgoingServerSettings toSettings(boolean isDefault) {
        return new OutgoingServerSettings(
                name.trim(),
                host.trim(),
                effectivePort(),
                effectiveSecurity(),
                effectiveAuthentication(),
                blankToNull(username),
                fromAddress.trim(),
                blankToNull(fromName),
                blankToNull(replyToAddress),
                Objects.requireNonNullElse(enabled, true),
                isDefault,
                Objects.requireNonNullElse(maxAttachmentBytes, DEFAULT_MAX_ATTACHMENT_BYTES),
                normalizedFilterEntries(),
                Objects.requireNonNullElse(trustSelfSignedCertificate, false),
                Objects.requireNonNullElse(connectTimeoutSeconds, DEFAULT_CONNECT_TIMEOUT_SECONDS),
                Objects.requireNonNullElse(readTimeoutSeconds, DEFAULT_READ_TIMEOUT_SECONDS),
                Objects.requireNonNullElse(transport, OutgoingTransport.SMTP));
    }

    /** Domains may be typed as "@example.com"; they are kept as "example.com". */
    private List<String> normalizedFilterEntries() {
        return filterEntries == null ? List.of() : filterEntries.stream().filter(Objects::nonNull).map(String::trim)
                .map(e -> e.startsWith("@") ? e.substring(1) : e).toList();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    @Override
    public String toString() {
        return "OutgoingServerRequest[name=" + name + ", host=" + host + ", port=" + port + ", security=" + security
                + ", authentication=" + authentication + ", username=" + username + "]";
    }
}
