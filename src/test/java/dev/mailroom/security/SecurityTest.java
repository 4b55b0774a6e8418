package dev.mailroom.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.MailroomTest;

@MailroomTest
class SecurityTest {

    @Autowired
    Api api;

    @Test
    void apiWithoutCredentialsIsUnauthorizedWithProblemDetails() {
        var response = api.anonymous().get("/api/accounts/me");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.headers().getFirst("WWW-Authenticate")).startsWith("Basic");
        assertThat(response.get("title").asString()).isEqualTo("Sign-in required");
    }

    @Test
    void wrongPasswordIsUnauthorized() {
        assertThat(api.as("admin", "not-the-password").get("/api/accounts/me").status()).isEqualTo(401);
    }

    @Test
    void firstAdminSignsInWithConfiguredPassword() {
        var response = api.admin().get("/api/accounts/me");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.get("username").asString()).isEqualTo("admin");
        assertThat(response.get("role").asString()).isEqualTo("ADMIN");
        assertThat(response.body().has("passwordHash")).isFalse();
    }

    @Test
    void technicianCannotManageAccounts() {
        var response = api.technician().post("/api/accounts", Map.of("username", "x", "password", "longenough", "role", "ADMIN"));

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.get("status").asInt()).isEqualTo(403);
    }

    @Test
    void adminCreatesAccountAndPasswordIsHashed() {
        var created = api.admin().post("/api/accounts", Map.of("username", "alice", "password", "alice-password", "role", "TECHNICIAN"));

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.body().toString()).doesNotContain("alice-password");
        assertThat(api.as("alice", "alice-password").get("/api/accounts/me").status()).isEqualTo(200);
    }

    @Test
    void invalidAccountGivesFieldErrors() {
        var response = api.admin().post("/api/accounts", Map.of("username", "bad name", "password", "short"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.get("errors").findValuesAsString("field")).contains("username", "password", "role");
    }

    @Test
    void healthIsOpenAndUp() {
        var response = api.anonymous().get("/actuator/health");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.get("status").asString()).isEqualTo("UP");
        assertThat(api.anonymous().get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(api.anonymous().get("/actuator/health/readiness").status()).isEqualTo(200);
    }
}
