package dev.mailroom.graph;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Graph's answer to one call: status, headers and body, with its error code and message when it failed. A streamed
 * call ({@link GraphApi#stream}) leaves a successful body unread in {@code stream}, which the caller closes.
 */
public record GraphResponse(int status, HttpHeaders headers, byte[] body, ObjectMapper mapper, InputStream stream) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** Throttling (429) or Graph's own trouble (5xx): passes by itself, worth trying again later. */
    public boolean transientFailure() {
        return status == 429 || status >= 500;
    }

    public JsonNode json() {
        return body.length == 0 ? mapper.createObjectNode() : mapper.readTree(body);
    }

    /** Graph's error code ({@code ErrorAccessDenied}, {@code ErrorItemNotFound} …), or the HTTP status. */
    public String errorCode() {
        String code = error("code");
        return code.isEmpty() ? "HTTP " + status : code;
    }

    public String errorMessage() {
        return error("message");
    }

    /** "403 ErrorAccessDenied: Access is denied. Check credentials and try again." */
    public String describe() {
        String message = errorMessage();
        return status + " " + errorCode() + (message.isEmpty() ? "" : ": " + message);
    }

    private String error(String field) {
        try {
            return json().path("error").path(field).asString("").strip();
        } catch (RuntimeException notJson) {
            return field.equals("message") ? new String(body, StandardCharsets.UTF_8).strip() : "";
        }
    }
}
