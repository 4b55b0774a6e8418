package dev.mailroom.graph;

import java.io.FilterInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriUtils;

import dev.mailroom.transport.OAuthSignInException;
import dev.mailroom.transport.TokenSignIn;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls Microsoft Graph's REST API for one mailbox with the server's OAuth 2.0 access token. Throttling (429) and a busy
 * service (503) are waited out as Retry-After asks, a few times and never longer than {@code mailroom.graph.max-retry-wait};
 * a refused token (401) is renewed once and the call made again. Every call has its connect and read timeouts.
 */
@Component
public class GraphApi {

    private static final Logger log = LoggerFactory.getLogger(GraphApi.class);
    private static final Duration DEFAULT_RETRY_AFTER = Duration.ofSeconds(2);

    private final GraphProperties properties;
    private final ObjectMapper json;
    private final RestClient rest;

    GraphApi(GraphProperties properties, ObjectMapper json) {
        this.properties = properties;
        this.json = json;
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(properties.connectTimeout()).build());
        factory.setReadTimeout(properties.readTimeout());
        this.rest = RestClient.builder().requestFactory(factory).build();
    }

    /** {@code <base>/users/<mailbox>} followed by these path segments, each encoded. */
    public URI userUri(String mailbox, String... segments) {
        StringBuilder uri = new StringBuilder(properties.root()).append("/users/").append(segment(mailbox));
        for (String part : segments) {
            uri.append('/').append(segment(part));
        }
        return URI.create(uri.toString());
    }

    /** The same with a query string, given already encoded. */
    public URI userQuery(String mailbox, String query, String... segments) {
        return URI.create(userUri(mailbox, segments) + "?" + query);
    }

    public static String segment(String value) {
        return UriUtils.encodePathSegment(value, StandardCharsets.UTF_8);
    }

    public static String queryValue(String value) {
        return UriUtils.encodeQueryParam(value, StandardCharsets.UTF_8);
    }

    public int pageSize() {
        return properties.pageSize();
    }

    public GraphResponse get(TokenSignIn signIn, URI uri, String... prefer) throws OAuthSignInException {
        return call(signIn, HttpMethod.GET, uri, null, null, prefer);
    }

    /** Sends {@code body} as JSON. */
    public GraphResponse send(TokenSignIn signIn, HttpMethod method, URI uri, Object body) throws OAuthSignInException {
        return call(signIn, method, uri, body == null ? null : json.writeValueAsBytes(body), "application/json");
    }

    /** A GET whose successful body is left to read from {@link GraphResponse#stream()} (a message's MIME). */
    public GraphResponse stream(TokenSignIn signIn, URI uri, String... prefer) throws OAuthSignInException {
        return call(signIn, HttpMethod.GET, uri, null, null, true, prefer);
    }

    public GraphResponse call(TokenSignIn signIn, HttpMethod method, URI uri, byte[] body, String contentType,
            String... prefer) throws OAuthSignInException {
        return call(signIn, method, uri, body, contentType, false, prefer);
    }

    private GraphResponse call(TokenSignIn signIn, HttpMethod method, URI uri, byte[] body, String contentType,
            boolean streamed, String... prefer) throws OAuthSignInException {
        String token = signIn.accessToken();
        boolean renewed = false;
        int waits = 0;
        while (true) {
            GraphResponse response = once(token, method, uri, body, contentType, streamed, prefer);
            if (response.status() == 401 && !renewed) {
                log.info("Microsoft Graph refused the access token for {} {} ({}); renewing it once", method,
                        uri.getPath(), response.errorCode());
                token = signIn.renewAfterRejection(token);
                renewed = true;
                continue;
            }
            if ((response.status() == 429 || response.status() == 503) && waits < properties.maxRetries()) {
                Duration wait = retryAfter(response.headers());
                if (wait.compareTo(properties.maxRetryWait()) <= 0) {
                    waits++;
                    log.info("Microsoft Graph answered {} for {} {}; waiting {} s as Retry-After asks", response.status(),
                            method, uri.getPath(), wait.toSeconds());
                    sleep(wait);
                    continue;
                }
            }
            if (response.status() == 401) {
                throw refusedAfterRenewal(response);
            }
            return response;
        }
    }

    private GraphResponse once(String token, HttpMethod method, URI uri, byte[] body, String contentType,
            boolean streamed, String... prefer) {
        RestClient.RequestBodySpec request = rest.method(method).uri(uri)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(HttpHeaders.ACCEPT, "application/json, */*");
        if (prefer.length > 0) {
            request.header("Prefer", prefer);
        }
        if (body != null) {
            request.header(HttpHeaders.CONTENT_TYPE, contentType).body(body);
        }
        return request.exchange((req, res) -> {
            int status = res.getStatusCode().value();
            HttpHeaders headers = new HttpHeaders();
            headers.putAll(res.getHeaders());
            if (streamed && status >= 200 && status < 300) {
                return new GraphResponse(status, headers, new byte[0], json, new FilterInputStream(res.getBody()) {
                    @Override
                    public void close() throws IOException {
                        try {
                            super.close();
                        } finally {
                            res.close();
                        }
                    }
                });
            }
            byte[] content = res.getBody().readAllBytes();
            if (streamed) {
                res.close(); // a refusal of a streamed call: its small body is read, the response ends here
            }
            return new GraphResponse(status, headers, content, json, null);
        }, !streamed);
    }

    /** Graph's Retry-After is in seconds; without one, a short pause. */
    static Duration retryAfter(HttpHeaders headers) {
        List<String> values = headers.getOrEmpty(HttpHeaders.RETRY_AFTER);
        if (!values.isEmpty()) {
            try {
                return Duration.ofSeconds(Math.max(0, Long.parseLong(values.get(0).strip())));
            } catch (NumberFormatException httpDate) {
                return DEFAULT_RETRY_AFTER;
            }
        }
        return DEFAULT_RETRY_AFTER;
    }

    private static OAuthSignInException refusedAfterRenewal(GraphResponse response) {
        return new OAuthSignInException("Microsoft Graph refused a freshly renewed access token (" + response.describe()
                + "); " + GraphHints.of(response), true, null);
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting out Graph's Retry-After", e);
        }
    }
}
