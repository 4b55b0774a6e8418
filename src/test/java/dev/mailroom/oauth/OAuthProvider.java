package dev.mailroom.oauth;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.OAuth2Config;
import no.nav.security.mock.oauth2.http.MockWebServerWrapper;
import no.nav.security.mock.oauth2.token.OAuth2TokenProvider;
import no.nav.security.mock.oauth2.http.OAuth2HttpRequest;
import no.nav.security.mock.oauth2.http.OAuth2HttpResponse;
import no.nav.security.mock.oauth2.http.Route;
import okhttp3.Headers;
import okhttp3.mockwebserver.RecordedRequest;

/**
 * A real OAuth 2.0 authorization server for the tests (mock-oauth2-server on 127.0.0.1): it serves the authorization
 * endpoint (302 back with code and state, no login page) and the token endpoint (signed JWTs for the code, refresh
 * and client-credentials grants). A test may queue the token endpoint's next answer to know the token it issues
 * (GreenMail checks an XOAUTH2 token as the user's password) or to make it refuse (invalid_grant).
 */
public final class OAuthProvider implements AutoCloseable {

    public static final String ISSUER = "entra";
    public static final String CLIENT_ID = "mailroom-desk";
    public static final String CLIENT_SECRET = "Client-Secret-4-Tests";

    private final Queue<OAuth2HttpResponse> queuedTokenAnswers = new ConcurrentLinkedQueue<>();
    // Refresh tokens rotate, as Entra ID's do; a queued answer is given instead of the token endpoint's own.
    private final MockOAuth2Server server = new MockOAuth2Server(new OAuth2Config(false, null, null, true,
            new OAuth2TokenProvider(), Set.of(), new MockWebServerWrapper()), new QueuedTokenAnswer());
    private final HttpClient browser = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public OAuthProvider() {
        try {
            server.start(InetAddress.getByName("127.0.0.1"), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public String authorizationUrl() {
        return server.authorizationEndpointUrl(ISSUER).toString();
    }

    public String tokenUrl() {
        return server.tokenEndpointUrl(ISSUER).toString();
    }

    /** The body of {@code PUT …/oauth} for this provider, calling back to Mailroom at {@code mailroomBaseUrl}. */
    public Map<String, Object> configuration(String mailroomBaseUrl, String scope) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("provider", "CUSTOM");
        body.put("clientId", CLIENT_ID);
        body.put("clientSecret", CLIENT_SECRET);
        body.put("authorizationUrl", authorizationUrl());
        body.put("tokenUrl", tokenUrl());
        body.put("scope", scope + " openid"); // this server authorizes OpenID Connect requests only
        body.put("redirectUrl", mailroomBaseUrl + "/oauth/callback");
        return body;
    }

    /** What the admin's browser does at the provider: opens the URL and is redirected back; answers the redirect. */
    public URI signIn(String authorizationUrl) throws IOException, InterruptedException {
        HttpResponse<String> response = browser.send(HttpRequest.newBuilder(URI.create(authorizationUrl))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 302) {
            throw new IllegalStateException("the provider answered " + response.statusCode() + ": " + response.body());
        }
        return URI.create(response.headers().firstValue("Location").orElseThrow());
    }

    /** The token endpoint's next answer: these tokens ({@code refreshToken} null: none sent). */
    public void nextTokens(String accessToken, String refreshToken, long expiresInSeconds) {
        String refresh = refreshToken == null ? "" : ",\"refresh_token\":\"" + refreshToken + "\"";
        queue(200, "{\"access_token\":\"" + accessToken + "\",\"token_type\":\"Bearer\",\"expires_in\":"
                + expiresInSeconds + refresh + "}");
    }

    /** The token endpoint's next answer: an OAuth error, as Entra ID sends it. */
    public void nextError(int status, String error, String description) {
        queue(status, "{\"error\":\"" + error + "\",\"error_description\":\"" + description + "\"}");
    }

    private void queue(int status, String json) {
        queuedTokenAnswers.add(new OAuth2HttpResponse(Headers.of("Content-Type", "application/json"), status, json, null));
    }

    /** The requests the provider received since the last call, oldest first (method, path and form body). */
    public List<String> requests() {
        List<String> seen = new ArrayList<>();
        while (true) {
            RecordedRequest request;
            try {
                request = server.takeRequest(200, TimeUnit.MILLISECONDS);
            } catch (RuntimeException none) {
                return seen; // "no request found in queue within timeout"
            }
            seen.add(request.getMethod() + " " + request.getPath() + " " + request.getBody().readUtf8());
        }
    }

    /** Answers a token request with the answer a test queued, if any; otherwise the server's own routes answer. */
    private final class QueuedTokenAnswer implements Route {

        @Override
        public boolean match(OAuth2HttpRequest request) {
            return request.getUrl().encodedPath().endsWith("/token") && !queuedTokenAnswers.isEmpty();
        }

        @Override
        public OAuth2HttpResponse invoke(OAuth2HttpRequest request) {
            return queuedTokenAnswers.remove();
        }
    }

    @Override
    public void close() {
        server.shutdown();
    }
}
