package dev.mailroom.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.util.Map;

import no.nav.security.mock.oauth2.MockOAuth2Server;

/**
 * A real OAuth 2.0 authorization server on loopback (mock-oauth2-server) standing in for Entra ID: it issues signed
 * tokens through the client-credentials grant, a fresh one for every request.
 */
public final class TokenIssuer implements AutoCloseable {

    private static final String ISSUER = "entra";
    private final MockOAuth2Server server = new MockOAuth2Server();

    public TokenIssuer() {
        try {
            server.start(InetAddress.getLoopbackAddress(), 0);
        } catch (RuntimeException e) {
            throw new UncheckedIOException(new IOException("mock-oauth2-server did not start", e));
        }
    }

    public String tokenUrl() {
        return server.tokenEndpointUrl(ISSUER).toString();
    }

    /** The body of PUT /api/{incoming,outgoing}-servers/{id}/oauth: client credentials for Graph. */
    public Map<String, Object> clientCredentials() {
        return Map.of("provider", "CUSTOM", "grantType", "CLIENT_CREDENTIALS", "clientId", "mailroom-graph",
                "clientSecret", "app-secret-for-tests", "tokenUrl", tokenUrl(),
                "scope", "https://graph.microsoft.com/.default");
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
