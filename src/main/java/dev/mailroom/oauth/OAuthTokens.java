package dev.mailroom.oauth;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import dev.mailroom.audit.AuditMessages;
import dev.mailroom.secrets.SecretBox;
import dev.mailroom.secrets.SecretDecryptionException;
import dev.mailroom.transport.OAuthSignInException;
import dev.mailroom.transport.TokenSignIn;

/**
 * The one way to a valid OAuth 2.0 access token for a mail server: {@link #accessToken} gives the stored token while
 * it is good for {@code mailroom.oauth.renew-before} yet, and renews it otherwise (refresh token, or client
 * credentials); {@link #renewAfterRejection} renews once after a server refused a token. A rotated refresh token is
 * stored with the new access token. Renewals of one server are one at a time on this node and collapse: whoever waited
 * finds the token just renewed (across nodes, a refresh token refused because another node rotated it meanwhile
 * gives way to that node's token). Each server has its own lock and every token request its timeouts, so one
 * provider's trouble never holds up another server. A refusal that only an admin can end marks the server
 * "re-authorization needed"; it is then not asked again until it is authorized anew.
 */
@Service
public class OAuthTokens {

    private static final Logger log = LoggerFactory.getLogger(OAuthTokens.class);

    private final OAuthClientRepository clients;
    private final TokenEndpoint endpoint;
    private final SecretBox secrets;
    private final OAuthProperties properties;
    private final Clock clock;
    private final ConcurrentMap<OAuthServerRef, ReentrantLock> renewals = new ConcurrentHashMap<>();

    OAuthTokens(OAuthClientRepository clients, TokenEndpoint endpoint, SecretBox secrets, OAuthProperties properties,
            Optional<Clock> clock) {
        this.clients = clients;
        this.endpoint = endpoint;
        this.secrets = secrets;
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    /** Whether the server signs in with OAuth 2.0, i.e. has an OAuth configuration. */
    public boolean configured(OAuthServerRef server) {
        return clients.find(server).isPresent();
    }

    /** A valid access token for the server; throws {@link OAuthTokenException} with the reason in plain words. */
    public String accessToken(OAuthServerRef server) {
        OAuthClient client = usable(server);
        if (client.tokens().accessTokenValidAt(clock.instant().plus(properties.renewBefore()))) {
            return decrypt(client.tokens().encryptedAccessToken(), server);
        }
        return renew(server, null);
    }

    /** A new access token after a mail server (or API) refused {@code rejected}. */
    public String renewAfterRejection(OAuthServerRef server, String rejected) {
        return renew(server, rejected);
    }

    /**
     * The server's tokens for a mail connection: failures become {@link OAuthSignInException}s whose message ends
     * with the FAQ's answer for a stopped OAuth server when only re-authorizing helps.
     */
    public TokenSignIn signIn(OAuthServerRef server) {
        return new TokenSignIn() {
            @Override
            public String accessToken() throws OAuthSignInException {
                try {
                    return OAuthTokens.this.accessToken(server);
                } catch (OAuthTokenException e) {
                    throw signInFailure(server, e);
                }
            }

            @Override
            public String renewAfterRejection(String rejected) throws OAuthSignInException {
                try {
                    return OAuthTokens.this.renewAfterRejection(server, rejected);
                } catch (OAuthTokenException e) {
                    throw signInFailure(server, e);
                }
            }
        };
    }

    private OAuthSignInException signInFailure(OAuthServerRef server, OAuthTokenException e) {
        String message = e.getMessage();
        if (e.reauthorizationNeeded()) {
            message += ". " + AuditMessages.oauthStopped(server.kind() == ServerKind.INCOMING, providerOf(server));
        }
        return new OAuthSignInException(message, e.reauthorizationNeeded(), e);
    }

    /** Who issues the server's tokens, as the admin knows it: the preset's name, or the token endpoint's host. */
    private String providerOf(OAuthServerRef server) {
        return clients.find(server).map(OAuthClient::settings).map(settings -> {
            if (settings.provider() != null && settings.provider() != OAuthPreset.CUSTOM) {
                return settings.provider().label();
            }
            String host = URI.create(settings.tokenUrl()).getHost();
            return "the identity provider at " + (host == null ? settings.tokenUrl() : host);
        }).orElse("the identity provider");
    }

    private String renew(OAuthServerRef server, String rejected) {
        ReentrantLock lock = renewals.computeIfAbsent(server, key -> new ReentrantLock());
        Duration patience = properties.connectTimeout().plus(properties.readTimeout()).plusSeconds(1);
        try {
            if (!lock.tryLock(patience.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new OAuthTokenException("another renewal of this server's access token is still waiting for the "
                        + "token endpoint; Mailroom tries again later", false, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OAuthTokenException("interrupted while waiting for the access token", false, e);
        }
        try {
            OAuthClient client = usable(server);
            TokenState tokens = client.tokens();
            Instant now = clock.instant();
            if (rejected == null ? tokens.accessTokenValidAt(now.plus(properties.renewBefore()))
                    : tokens.accessTokenValidAt(now) && !rejected.equals(decrypt(tokens.encryptedAccessToken(), server))) {
                return decrypt(tokens.encryptedAccessToken(), server); // renewed by whoever held the lock before us
            }
            return obtain(client);
        } finally {
            lock.unlock();
        }
    }

    private String obtain(OAuthClient client) {
        OAuthServerRef server = client.server();
        OAuthSettings settings = client.settings();
        String secret = client.clientSecretSet() ? decrypt(client.encryptedClientSecret(), server) : null;
        try {
            IssuedTokens issued;
            if (settings.grantType() == GrantType.CLIENT_CREDENTIALS) {
                issued = endpoint.clientCredentials(settings, secret);
            } else if (client.tokens().refreshTokenSet()) {
                issued = endpoint.refresh(settings, secret, decrypt(client.tokens().encryptedRefreshToken(), server));
            } else {
                throw new OAuthTokenException(TokenTrouble.NOT_AUTHORIZED, true, null);
            }
            String refresh = issued.refreshToken() != null ? secrets.encrypt(issued.refreshToken())
                    : client.tokens().encryptedRefreshToken();
            clients.refreshed(server, issued, secrets.encrypt(issued.accessToken()), refresh);
            log.info("OAuth access token of the {} renewed{} (valid until {})", server,
                    issued.refreshToken() != null && client.tokens().refreshTokenSet() ? ", refresh token rotated" : "",
                    issued.expiresAt());
            return issued.accessToken();
        } catch (TokenRefusedException e) {
            Optional<String> renewedElsewhere = renewedMeanwhile(client);
            if (renewedElsewhere.isPresent()) {
                return renewedElsewhere.get();
            }
            String words = TokenTrouble.describe(e);
            boolean lasting = TokenTrouble.lasting(e);
            clients.refreshFailed(server, e.getMessage(), lasting ? words : null);
            log.warn("OAuth token renewal of the {} refused: {}", server, e.getMessage());
            throw new OAuthTokenException(words, lasting, e);
        } catch (TokenEndpointUnreachableException e) {
            clients.refreshFailed(server, e.getMessage(), null);
            log.warn("OAuth token renewal of the {} failed: {}", server, e.getMessage());
            throw new OAuthTokenException(e.getMessage() + "; Mailroom tries again later", false, e);
        }
    }

    /**
     * Another node may have renewed (and rotated) the refresh token between our read and our request, so ours was
     * refused: its access token, stored since, is then the answer, not a re-authorization.
     */
    private Optional<String> renewedMeanwhile(OAuthClient before) {
        return clients.find(before.server())
                .filter(now -> now.tokens().encryptedRefreshToken() != null
                        && !now.tokens().encryptedRefreshToken().equals(before.tokens().encryptedRefreshToken())
                        && now.tokens().accessTokenValidAt(clock.instant()))
                .map(now -> decrypt(now.tokens().encryptedAccessToken(), before.server()));
    }

    private OAuthClient usable(OAuthServerRef server) {
        OAuthClient client = clients.find(server).orElseThrow(() -> new OAuthTokenException(
                "this server has no OAuth 2.0 configuration; configure OAuth 2.0 and authorize this server", true, null));
        if (client.tokens().reauthorizationNeeded()) {
            throw new OAuthTokenException(client.tokens().reauthorizationReason(), true, null);
        }
        if (client.settings().grantType() == GrantType.AUTHORIZATION_CODE && !client.tokens().authorized()) {
            throw new OAuthTokenException(TokenTrouble.NOT_AUTHORIZED, true, null);
        }
        return client;
    }

    private String decrypt(String stored, OAuthServerRef server) {
        try {
            return secrets.decrypt(stored);
        } catch (SecretDecryptionException e) {
            throw new OAuthTokenException("the stored Client Secret or tokens of this server cannot be decrypted with "
                    + "the current key (mailroom.secrets.key); enter the Client Secret again and re-authorize this server",
                    true, e);
        }
    }
}
