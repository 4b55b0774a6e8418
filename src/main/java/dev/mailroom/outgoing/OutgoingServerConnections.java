package dev.mailroom.outgoing;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.oauth.OAuthServerRef;
import dev.mailroom.oauth.OAuthTokens;
import dev.mailroom.secrets.SecretBox;
import dev.mailroom.transport.SmtpAuthentication;
import dev.mailroom.transport.SmtpConnection;
import dev.mailroom.transport.TokenSignIn;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.NotFoundException;

/**
 * Turns a saved outgoing server into an {@link SmtpConnection}, decrypting the password for that one connection; a
 * server on OAuth 2.0 gets its access tokens ({@link OAuthTokens#signIn}) instead.
 */
@Component
public class OutgoingServerConnections {

    private final SecretBox secrets;
    private final OutgoingServerRepository servers;
    private final OAuthTokens tokens;

    OutgoingServerConnections(SecretBox secrets, OutgoingServerRepository servers, OAuthTokens tokens) {
        this.secrets = secrets;
        this.servers = servers;
        this.tokens = tokens;
    }

    public SmtpConnection of(OutgoingServer server) {
        if (server.settings().authentication() == SmtpAuthentication.OAUTH2) {
            return of(server.settings(), null, tokens.signIn(OAuthServerRef.outgoing(server.id())));
        }
        String password = server.encryptedPassword() == null ? null : secrets.decrypt(server.encryptedPassword());
        return of(server.settings(), password);
    }

    /**
     * A configuration that may not be saved yet, as the form shows it. Without a password it borrows the stored one of
     * the saved server named by {@code id}, as long as the host is unchanged.
     */
    @Transactional(readOnly = true)
    public SmtpConnection ofUnsaved(OutgoingServerRequest request, OutgoingServerSettings settings) {
        if (settings.authentication() == SmtpAuthentication.NONE) {
            return of(settings, null);
        }
        if (settings.authentication() == SmtpAuthentication.OAUTH2) {
            if (request.id() == null) {
                throw new BadRequestException("authentication", "save the server and authorize it before testing OAuth 2.0");
            }
            OutgoingServer saved = servers.findById(request.id())
                    .orElseThrow(() -> new NotFoundException("Outgoing server", request.id()));
            OutgoingServerService.requireSameHost(saved, settings.host());
            return of(settings, null, tokens.signIn(OAuthServerRef.outgoing(saved.id())));
        }
        if (request.hasPassword()) {
            return of(settings, request.password());
        }
        if (request.id() == null) {
            throw new BadRequestException("password", "is required to test a server that is not saved yet");
        }
        OutgoingServer saved = servers.findById(request.id())
                .orElseThrow(() -> new NotFoundException("Outgoing server", request.id()));
        OutgoingServerService.requireSameHost(saved, settings.host());
        if (!saved.passwordSet()) {
            throw new BadRequestException("password", "is required: the saved server has no stored password");
        }
        return of(settings, secrets.decrypt(saved.encryptedPassword()));
    }

    public static SmtpConnection of(OutgoingServerSettings settings, String password) {
        return of(settings, password, null);
    }

    private static SmtpConnection of(OutgoingServerSettings settings, String password, TokenSignIn tokenSignIn) {
        return new SmtpConnection(settings.host(), settings.port(), settings.security(), settings.authentication(),
                settings.username(), password, settings.trustSelfSignedCertificate(),
                Duration.ofSeconds(settings.connectTimeoutSeconds()), Duration.ofSeconds(settings.readTimeoutSeconds()),
                tokenSignIn);
    }
}
