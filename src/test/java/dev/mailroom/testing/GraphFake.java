package dev.mailroom.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import dev.mailroom.oauth.OAuthPreset;
import dev.mailroom.oauth.OAuthProvider;

/**
 * A Microsoft Graph stand-in on loopback (WireMock) answering with Graph's documented JSON shapes: mail folders, delta
 * pages of messages with {@code @odata.nextLink} / {@code @odata.deltaLink}, a message's MIME ({@code $value}) and
 * Graph's error body. Every stub asks for a bearer token, as Graph does.
 */
public final class GraphFake implements AutoCloseable {

    /** A message in a delta page; {@code removed} is how delta reports one that left the folder. */
    public record Listed(String id, String receivedDateTime, boolean removed) {
        public static Listed of(String id, String receivedDateTime) {
            return new Listed(id, receivedDateTime, false);
        }
    }

    private final WireMockServer server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());

    public GraphFake() {
        server.start();
    }

    /** The body of PUT /api/{incoming,outgoing}-servers/{id}/oauth: client credentials for Graph at this provider. */
    public static Map<String, Object> clientCredentials(OAuthProvider provider) {
        return Map.of("provider", "CUSTOM", "grantType", "CLIENT_CREDENTIALS", "clientId", OAuthProvider.CLIENT_ID,
                "clientSecret", OAuthProvider.CLIENT_SECRET, "tokenUrl", provider.tokenUrl(),
                "scope", OAuthPreset.GRAPH_SCOPE);
    }

    public WireMockServer wireMock() {
        return server;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.port() + "/v1.0";
    }

    public static String userPath(String mailbox, String rest) {
        return "/v1.0/users/" + mailbox + rest;
    }

    public static MappingBuilder authorized(MappingBuilder mapping) {
        return mapping.withHeader("Authorization", matching("Bearer [A-Za-z0-9._-]+"));
    }

    public void stub(MappingBuilder mapping) {
        server.stubFor(authorized(mapping));
    }

    public void folder(String mailbox, String nameInPath, String id, String displayName, int total) {
        stub(get(urlPathEqualTo(userPath(mailbox, "/mailFolders/" + nameInPath))).willReturn(json(200,
                folderJson(id, displayName, total))));
    }

    public void folderByDisplayName(String mailbox, String displayName, String id) {
        stub(get(urlPathEqualTo(userPath(mailbox, "/mailFolders")))
                .withQueryParam("$filter", equalTo("displayName eq '" + displayName + "'"))
                .willReturn(json(200, "{\"@odata.context\":\"" + baseUrl() + "/$metadata#users('" + mailbox
                        + "')/mailFolders\",\"value\":[" + folderJson(id, displayName, 0) + "]}")));
    }

    /**
     * One delta page of the folder. {@code token} selects the request ({@code null}: the first request, which carries
     * no state token; otherwise the $skiptoken or $deltatoken given); the page ends with a nextLink ({@code next} a
     * skip token) or, when {@code next} is null, with a deltaLink carrying {@code delta}.
     */
    public void deltaPage(String mailbox, String folderId, String tokenName, String token, List<Listed> messages,
            String next, String delta) {
        String path = userPath(mailbox, "/mailFolders/" + folderId + "/messages/delta");
        MappingBuilder mapping = get(urlPathEqualTo(path));
        if (token == null) {
            mapping.withQueryParam("$skiptoken", absent()).withQueryParam("$deltatoken", absent());
        } else {
            mapping.withQueryParam(tokenName, equalTo(token));
        }
        String link = next != null
                ? "\"@odata.nextLink\":\"" + baseUrl() + path.substring(5) + "?$skiptoken=" + next + "\""
                : "\"@odata.deltaLink\":\"" + baseUrl() + path.substring(5) + "?$deltatoken=" + delta + "\"";
        String value = messages.stream().map(m -> m.removed()
                ? "{\"@odata.type\":\"#microsoft.graph.message\",\"id\":\"" + m.id() + "\",\"@removed\":{\"reason\":\"deleted\"}}"
                : "{\"@odata.type\":\"#microsoft.graph.message\",\"@odata.etag\":\"W/\\\"CQAAABYAAAA\\\"\",\"id\":\""
                        + m.id() + "\",\"receivedDateTime\":\"" + m.receivedDateTime() + "\"}")
                .collect(Collectors.joining(","));
        stub(mapping.willReturn(json(200, "{\"@odata.context\":\"" + baseUrl() + "/$metadata#Collection(message)\","
                + link + ",\"value\":[" + value + "]}")));
    }

    public void mime(String mailbox, String id, String mime) {
        stub(get(urlPathEqualTo(userPath(mailbox, "/messages/" + id + "/$value")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(mime)));
    }

    public static String mimeOf(String messageId, String from, String to, String subject) {
        return "From: " + from + "\r\nTo: " + to + "\r\nSubject: " + subject + "\r\nMessage-ID: <" + messageId + ">\r\n"
                + "Date: Thu, 03 Dec 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n" + subject + ": please help.\r\n";
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** Graph's error body: {@code {"error":{"code":…,"message":…}}}. */
    public static ResponseDefinitionBuilder error(int status, String code, String message) {
        return json(status, "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message
                + "\",\"innerError\":{\"request-id\":\"4f1d1c3e-0000-4000-8000-000000000000\"}}}");
    }

    private static String folderJson(String id, String displayName, int total) {
        return "{\"id\":\"" + id + "\",\"displayName\":\"" + displayName + "\",\"parentFolderId\":\"AAMkRoot\","
                + "\"childFolderCount\":0,\"unreadItemCount\":" + total + ",\"totalItemCount\":" + total
                + ",\"isHidden\":false}";
    }

    public void reset() {
        server.resetAll();
    }

    @Override
    public void close() {
        server.stop();
    }
}
