package dev.mailroom.audit;

import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** Stores an entry's trace as a JSON array in one text column. */
@Component
class TraceCodec {

    private static final TypeReference<List<TraceStep>> STEPS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;

    TraceCodec(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    String write(List<TraceStep> trace) {
        return trace.isEmpty() ? null : mapper.writeValueAsString(trace);
    }

    List<TraceStep> read(String json) {
        return json == null ? List.of() : mapper.readValue(json, STEPS);
    }
}
