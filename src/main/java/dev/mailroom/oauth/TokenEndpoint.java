package dev.mailroom.oauth;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.nimbusds.oauth2.sdk.AccessTokenResponse;
import com.nimbusds.oauth2.sdk.AuthorizationCode;
import com.nimbusds.oauth2.sdk.AuthorizationCodeGrant;
import com.nimbusds.oauth2.sdk.AuthorizationGrant;
import com.nimbusds.oauth2.sdk.ClientCredentialsGrant;
import com.nimbusds.oauth2.sdk.ErrorObject;
import com.nimbusds.oauth2.sdk.ParseException;
import com.nimbusds.oauth2.sdk.RefreshTokenGrant;
import com.nimbusds.oauth2.sdk.Scope;
import com.nimbusds.oauth2.sdk.TokenErrorResponse;
import com.nimbusds.oauth2.sdk.TokenRequest;
import com.nimbusds.oauth2.sdk.TokenResponse;
import com.nimbusds.oauth2.sdk.auth.ClientSecretPost;
import com.nimbusds.oauth2.sdk.auth.Secret;
import com.nimbusds.oauth2.sdk.http.HTTPRequest;
import com.nimbusds.oauth2.sdk.id.ClientID;
import com.nimbusds.oauth2.sdk.pkce.CodeVerifier;
import com.nimbusds.oauth2.sdk.token.RefreshToken;
import com.nimbusds.oauth2.sdk.token.Tokens;

/**
 * The requests to a provider's token endpoint (Nimbus OAuth 2.0 SDK), each bounded by the connect and read timeouts:
 * redeem an authorization code (with its PKCE verifier), refresh, or client credentials. The client authenticates
 * with {@code client_secret_post}, which Entra ID and Google both accept.
 */
@Component
class TokenEndpoint {

    private final OAuthProperties properties;
    private final Clock clock;

    TokenEndpoint(OAuthProperties properties, Optional<Clock> clock) {
        this.properties = properties;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    IssuedTokens redeemCode(OAuthSettings settings, String clientSecret, String code, String codeVerifier)
            throws TokenRefusedException, TokenEndpointUnreachableException {
        return request(settings, clientSecret, new AuthorizationCodeGrant(new AuthorizationCode(code),
                URI.create(settings.redirectUrl()), new CodeVerifier(codeVerifier)), false);
    }

    IssuedTokens refresh(OAuthSettings settings, String clientSecret, String refreshToken)
            throws TokenRefusedException, TokenEndpointUnreachableException {
        return request(settings, clientSecret, new RefreshTokenGrant(new RefreshToken(refreshToken)), true);
    }

    IssuedTokens clientCredentials(OAuthSettings settings, String clientSecret)
            throws TokenRefusedException, TokenEndpointUnreachableException {
        return request(settings, clientSecret, new ClientCredentialsGrant(), true);
    }

    private IssuedTokens request(OAuthSettings settings, String clientSecret, AuthorizationGrant grant, boolean withScope)
            throws TokenRefusedException, TokenEndpointUnreachableException {
        URI endpoint = URI.create(settings.tokenUrl());
        ClientID clientId = new ClientID(settings.clientId());
        Scope scope = withScope ? Scope.parse(settings.scope()) : null;
        TokenRequest request = clientSecret == null
                ? new TokenRequest(endpoint, clientId, grant, scope)
                : new TokenRequest(endpoint, new ClientSecretPost(clientId, new Secret(clientSecret)), grant, scope);
        HTTPRequest http = request.toHTTPRequest();
        http.setConnectTimeout((int) properties.connectTimeout().toMillis());
        http.setReadTimeout((int) properties.readTimeout().toMillis());
        Instant asked = clock.instant();
        TokenResponse response;
        try {
            response = TokenResponse.parse(http.send());
        } catch (IOException e) {
            throw new TokenEndpointUnreachableException("the token endpoint " + settings.tokenUrl()
                    + " did not answer (" + describe(e) + ")", e);
        } catch (ParseException e) {
            throw new TokenEndpointUnreachableException("the token endpoint " + settings.tokenUrl()
                    + " gave an answer that is not OAuth 2.0 (" + describe(e) + "); check the Token URL", e);
        }
        if (!response.indicatesSuccess()) {
            ErrorObject error = ((TokenErrorResponse) response).getErrorObject();
            throw new TokenRefusedException(error.getCode() == null ? "error" : error.getCode(), error.getDescription(),
                    error.getHTTPStatusCode());
        }
        Tokens tokens = ((AccessTokenResponse) response).getTokens();
        long lifetime = tokens.getAccessToken().getLifetime();
        return new IssuedTokens(tokens.getAccessToken().getValue(), lifetime > 0 ? asked.plusSeconds(lifetime) : null,
                tokens.getRefreshToken() == null ? null : tokens.getRefreshToken().getValue());
    }

    private static String describe(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().strip();
    }
}
