package dev.mailroom.testing;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/** Request bodies as maps, and the field errors of problem-details answers, for API tests. */
public final class JsonBodies {

    private JsonBodies() {
    }

    /** A copy of {@code body} with these keys set, or removed where the value is null. */
    public static Map<String, Object> with(Map<String, Object> body, Object... keysAndValues) {
        Map<String, Object> changed = new LinkedHashMap<>(body);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] == null) {
                changed.remove((String) keysAndValues[i]);
            } else {
                changed.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return changed;
    }

    /** The message of the validation error for {@code field}; fails when there is none. */
    public static String fieldError(Api.Response response, String field) {
        for (JsonNode error : response.get("errors")) {
            if (error.get("field").asString().equals(field)) {
                return error.get("message").asString();
            }
        }
        throw new AssertionError("No error for " + field + " in " + response.body());
    }
}
