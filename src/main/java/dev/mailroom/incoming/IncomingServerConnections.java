package dev.mailroom.incoming;

import java.time.Duration;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.oauth.OAuthServerRef;
import dev.mailroom.oauth.OAuthTokens;
import dev.mailroom.secrets.SecretBox;
import dev.mailroom.transport.MailConnection;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.TokenSignIn;
import dev.mailroom.web.BadRequestException;
import dev.mailroom.web.NotFoundException;

/**
 * Turns server configuration into a {@link MailConnection}, decrypting the password for that one connection.
 * The fetcher calls {@link #of(IncomingServer)} and hands the result to {@code MailSessionFactory}. A server with an
 * OAuth 2.0 configuration signs in with its access token (XOAUTH2) instead of the password.
 */
@Component
public class IncomingServerConnections {

    private final IncomingServerRepository servers;
    private final SecretBox secrets;
    private final OAuthTokens tokens;

    IncomingServerConnections(IncomingServerRepository servers, SecretBox secrets, OAuthTokens tokens) {
        this.servers = servers;
        this.secrets = secrets;
        this.tokens = tokens;
    }

    public MailConnection of(IncomingServer server) {
        OAuthServerRef oauth = OAuthServerRef.incoming(server.id());
        if (tokens.configured(oauth)) {
            return of(server.settings(), null, tokens.signIn(oauth));
        }
        String password = server.encryptedPassword() == null ? null : secrets.decrypt(server.encryptedPassword());
        return of(server.settings(), password, null);
    }

    /**
     * A configuration that may not be saved yet, as the form shows it. Without a password it borrows the stored one of
     * the saved server named by {@code id}, as long as the host is unchanged.
     */
    @Transactional(readOnly = true)
    public MailConnection ofUnsaved(IncomingServerRequest request) {
        IncomingServerSettings settings = request.toSettings();
        if (settings.protocol() == MailProtocol.GRAPH && request.id() == null) {
            throw new BadRequestException("protocol", "Microsoft Graph signs in with OAuth 2.0 only: save the server, "
                    + "configure and authorize its OAuth 2.0, then test it");
        }
        if (request.hasPassword() && settings.protocol() != MailProtocol.GRAPH) {
            return of(settings, request.password(), null);
        }
        if (request.id() == null) {
            throw new BadRequestException("password", "is required to test a server that is not saved yet");
        }
        IncomingServer saved = servers.findById(request.id())
                .orElseThrow(() -> new NotFoundException("Incoming server", request.id()));
        IncomingServerService.requireSameHost(saved, settings.host());
        OAuthServerRef oauth = OAuthServerRef.incoming(saved.id());
        if (tokens.configured(oauth)) {
            return of(settings, null, tokens.signIn(oauth));
        }
        if (saved.encryptedPassword() == null) {
            return of(settings, null, null);
        }
        return of(settings, secrets.decrypt(saved.encryptedPassword()), null);
    }

    private static MailConnection of(IncomingServerSettings settings, String password, TokenSignIn tokenSignIn) {
        return new MailConnection(settings.protocol(), settings.host(), settings.port(), settings.security(),
                settings.username(), password, settings.folder(), settings.trustSelfSignedCertificate(),
                Duration.ofSeconds(settings.connectTimeoutSeconds()), Duration.ofSeconds(settings.readTimeoutSeconds()),
                tokenSignIn);
    }
}
