package dev.mailroom.security;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

import tools.jackson.databind.ObjectMapper;

/** Writes 401, 403 and 429 answers of the security filters as problem details, like every other API error. */
@Component
class ProblemResponses {

    private final ObjectMapper mapper;

    ProblemResponses(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    void unauthorized(HttpServletResponse response) throws IOException {
        response.setHeader("WWW-Authenticate", "Basic realm=\"Mailroom\"");
        write(response, HttpStatus.UNAUTHORIZED, "Sign-in required",
                "This API needs HTTP basic authentication with a Mailroom account");
    }

    void forbidden(HttpServletResponse response) throws IOException {
        write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your account's role does not allow this action");
    }

    void tooManySignIns(HttpServletResponse response, Instant until) throws IOException {
        long seconds = Math.max(1, Duration.between(Instant.now(), until).toSeconds() + 1);
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins",
                "Too many failed sign-ins for this account or from this address; try again after "
                        + DateTimeFormatter.ISO_INSTANT.format(until.truncatedTo(ChronoUnit.SECONDS)) + " (UTC)");
    }

    private void write(HttpServletResponse response, HttpStatus status, String title, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        mapper.writeValue(response.getOutputStream(), problem);
    }
}
