package dev.mailroom.testing;

import java.util.Base64;

import org.springframework.boot.test.context.TestComponent;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.client.RestClient;

import dev.mailroom.security.AccountRepository;
import dev.mailroom.security.Role;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Real HTTP calls to the running test server, signed in as the first admin, as a technician, or not at all.
 * Answers come back whatever their status, so tests assert on status and problem details alike.
 */
@TestComponent
public class Api {

    public static final String ADMIN_PASSWORD = "admin-secret";
    public static final String TECHNICIAN = "tech";
    public static final String TECHNICIAN_PASSWORD = "tech-secret";

    public record Response(int status, JsonNode body, HttpHeaders headers) {
        public JsonNode get(String field) {
            return body.get(field);
        }
    }

    public record TextResponse(int status, String text, HttpHeaders headers) {
    }

    private final Environment environment;
    private final ObjectMapper mapper;
    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;

    Api(Environment environment, ObjectMapper mapper, AccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.environment = environment;
        this.mapper = mapper;
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    public Caller admin() {
        return new Caller("admin", ADMIN_PASSWORD);
    }

    public Caller technician() {
        if (accounts.findByUsername(TECHNICIAN).isEmpty()) {
            accounts.insert(TECHNICIAN, passwordEncoder.encode(TECHNICIAN_PASSWORD), Role.TECHNICIAN, true);
        }
        return new Caller(TECHNICIAN, TECHNICIAN_PASSWORD);
    }

    public Caller anonymous() {
        return new Caller(null, null);
    }

    public Caller as(String username, String password) {
        return new Caller(username, password);
    }

    public String baseUrl() {
        return "http://localhost:" + environment.getProperty("local.server.port");
    }

    public JsonNode json(String text) {
        return mapper.readTree(text);
    }

    public class Caller {
        private final String username;
        private final String password;

        Caller(String username, String password) {
            this.username = username;
            this.password = password;
        }

        public Response get(String path) {
            return call(HttpMethod.GET, path, null);
        }

        public Response post(String path, Object body) {
            return call(HttpMethod.POST, path, body);
        }

        public Response put(String path, Object body) {
            return call(HttpMethod.PUT, path, body);
        }

        public Response patch(String path, Object body) {
            return call(HttpMethod.PATCH, path, body);
        }

        public Response delete(String path) {
            return call(HttpMethod.DELETE, path, null);
        }

        /** For answers that are not JSON (metrics, raw email, attachments). */
        public TextResponse getText(String path) {
            return client().get().uri(path).exchange((req, res) -> new TextResponse(
                    res.getStatusCode().value(), new String(res.getBody().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                    res.getHeaders()));
        }

        /** Downloads a body of any size and answers the SHA-256 of its bytes (hex), never holding it whole. */
        public String getDigest(String path) {
            return client().get().uri(path).exchange((req, res) -> {
                try (var in = res.getBody()) {
                    var digest = java.security.MessageDigest.getInstance("SHA-256");
                    byte[] buffer = new byte[65536];
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        digest.update(buffer, 0, read);
                    }
                    return java.util.HexFormat.of().formatHex(digest.digest());
                } catch (java.security.NoSuchAlgorithmException e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        /** A raw body of the given type, e.g. an .eml as {@code message/rfc822}; the answer is read as JSON. */
        public Response postRaw(String path, String contentType, byte[] body) {
            return client().post().uri(path).contentType(MediaType.parseMediaType(contentType))
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON).body(body)
                    .exchange((req, res) -> {
                        byte[] bytes = res.getBody().readAllBytes();
                        JsonNode node = bytes.length == 0 ? mapper.nullNode() : mapper.readTree(bytes);
                        return new Response(res.getStatusCode().value(), node, res.getHeaders());
                    });
        }

        /** A JSON body may be given as a Map, a record, or a JSON string. */
        public Response call(HttpMethod method, String path, Object body) {
            var request = client().method(method).uri(path)
                    .accept(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);
            if (body != null) {
                String json = body instanceof String text ? text : mapper.writeValueAsString(body);
                request = request.contentType(MediaType.APPLICATION_JSON).body(json);
            }
            return request.exchange((req, res) -> {
                byte[] bytes = res.getBody().readAllBytes();
                JsonNode node = bytes.length == 0 ? mapper.nullNode() : mapper.readTree(bytes);
                return new Response(res.getStatusCode().value(), node, res.getHeaders());
            });
        }

        private RestClient client() {
            var builder = RestClient.builder().baseUrl(baseUrl());
            if (username != null) {
                String token = Base64.getEncoder().encodeToString((username + ":" + password).getBytes());
                builder.defaultHeader(HttpHeaders.AUTHORIZATION, "Basic " + token);
            }
            return builder.build();
        }
    }
}
