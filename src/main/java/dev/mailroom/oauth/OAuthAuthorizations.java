package dev.mailroom.oauth;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;

import com.nimbusds.oauth2.sdk.AuthorizationRequest;
import com.nimbusds.oauth2.sdk.ResponseType;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.id.State;
import com.nimbusds.oauth2.sdk.pkce.CodeChallengeMethod;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;

import dev.mailroom.secrets.SecretBox;
import dev.mailroom.web.BadRequestException;

/**
 * Authorizing a server. Authorization code: {@link #start} makes a random state and a PKCE verifier (S256), keeps them
 * (the state only hashed, the verifier encrypted) for {@code mailroom.oauth.authorization-validity} and gives the
 * provider's URL to send the admin to; {@link #complete} takes the state back once, redeems the code with the verifier
 * and stores the tokens. Client credentials: {@link #start} gets the token at once.
 */
@Service
public class OAuthAuthorizations {

    /** Where to send the admin, or, for client credentials, the server already authorized. */
    public record Started(String authorizationUrl, Instant expiresAt, OAuthView oauth) {
    }

    private static final Logger log = LoggerFactory.getLogger(OAuthAuthorizations.class);

    private final OAuthClientRepository clients;
    private final AuthorizationRequestRepository requests;
    private final TokenEndpoint endpoint;
    private final SecretBox secrets;
    private final OAuthConfigurations configurations;
    private final MailServers servers;
    private final OAuthProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OAuthAuthorizations(OAuthClientRepository clients, AuthorizationRequestRepository requests, TokenEndpoint endpoint,
            SecretBox secrets, OAuthConfigurations configurations, MailServers servers, OAuthProperties properties,
            ApplicationEventPublisher events, Optional<Clock> clock) {
        this.clients = clients;
        this.requests = requests;
        this.endpoint = endpoint;
        this.secrets = secrets;
        this.configurations = configurations;
        this.servers = servers;
        this.properties = properties;
        this.events = events;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    public Started start(OAuthServerRef server, String requestedBy) {
        servers.get(server);
        OAuthClient client = clients.find(server).orElseThrow(() -> new BadRequestException("oauth",
                "the " + server + " has no OAuth 2.0 configuration; save one first"));
        OAuthSettings settings = client.settings();
        if (settings.grantType() == GrantType.CLIENT_CREDENTIALS) {
            String secret = client.clientSecretSet() ? secrets.decrypt(client.encryptedClientSecret()) : null;
            try {
                stored(server, endpoint.clientCredentials(settings, secret), requestedBy);
            } catch (TokenRefusedException e) {
                throw new OAuthAuthorizationException(TokenTrouble.describe(e), e);
            } catch (TokenEndpointUnreachableException e) {
                throw new OAuthAuthorizationException(e.getMessage(), e);
            }
            return new Started(null, null, configurations.get(server));
        }
        State state = new State();
        CodeVerifier verifier = new CodeVerifier();
        AuthorizationRequest.Builder request = new AuthorizationRequest.Builder(new ResponseType(ResponseType.Value.CODE),
                new ClientID(settings.clientId()))
                .endpointURI(URI.create(settings.authorizationUrl()))
                .redirectionURI(URI.create(settings.redirectUrl()))
                .scope(Scope.parse(settings.scope()))
                .state(state)
                .codeChallenge(verifier, CodeChallengeMethod.S256);
        for (Map.Entry<String, String> parameter : settings.provider().authorizationParameters().entrySet()) {
            request.customParameter(parameter.getKey(), parameter.getValue());
        }
        Instant now = clock.instant();
        Instant expiresAt = now.plus(properties.authorizationValidity());
        requests.insert(hash(state.getValue()), server, secrets.encrypt(verifier.getValue()), requestedBy, now, expiresAt);
        log.info("Authorization of the {} started by {}", server, requestedBy);
        return new Started(request.build().toURI().toString(), expiresAt, null);
    }

    /** The provider's redirect back to Mailroom: the state checked and used up, the code redeemed, the tokens stored. */
    public OAuthView complete(String state, String code, String error, String errorDescription) {
        if (state == null || state.isBlank()) {
            throw new OAuthAuthorizationException("the provider's answer has no state; start the authorization again", null);
        }
        AuthorizationRequestRepository.Pending pending = requests.take(hash(state))
                .orElseThrow(() -> new OAuthAuthorizationException("this authorization is unknown or was already used "
                        + "(wrong state); start the authorization again from the server's page", null));
        if (pending.expiresAt().isBefore(clock.instant())) {
            throw new OAuthAuthorizationException("this authorization took too long and expired; start it again", null);
        }
        if (error != null && !error.isBlank()) {
            throw new OAuthAuthorizationException("the provider did not authorize the " + pending.server() + ": " + error
                    + (errorDescription == null ? "" : " (" + errorDescription.strip() + ")"), null);
        }
        if (code == null || code.isBlank()) {
            throw new OAuthAuthorizationException("the provider's answer has no authorization code; start again", null);
        }
        OAuthClient client = clients.find(pending.server()).orElseThrow(() -> new OAuthAuthorizationException(
                "the OAuth 2.0 configuration of the " + pending.server() + " was removed meanwhile", null));
        String secret = client.clientSecretSet() ? secrets.decrypt(client.encryptedClientSecret()) : null;
        try {
            stored(pending.server(), endpoint.redeemCode(client.settings(), secret, code,
                    secrets.decrypt(pending.encryptedCodeVerifier())), pending.requestedBy());
        } catch (TokenRefusedException e) {
            throw new OAuthAuthorizationException("the token endpoint refused the authorization code: " + e.getMessage(), e);
        } catch (TokenEndpointUnreachableException e) {
            throw new OAuthAuthorizationException(e.getMessage(), e);
        }
        return configurations.get(pending.server());
    }

    private void stored(OAuthServerRef server, IssuedTokens issued, String by) {
        clients.authorized(server, issued, secrets.encrypt(issued.accessToken()),
                issued.refreshToken() == null ? null : secrets.encrypt(issued.refreshToken()), by);
        log.info("The {} is authorized by {}: tokens stored ({})", server, by, issued);
        events.publishEvent(new OAuthAuthorized(server));
    }

    private static String hash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
