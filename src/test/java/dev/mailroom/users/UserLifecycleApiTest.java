package dev.mailroom.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.Api.Response;
import dev.mailroom.testing.MailroomTest;
import tools.jackson.databind.JsonNode;

/** Archive, soft delete and restore, and who may do them. */
@MailroomTest
class UserLifecycleApiTest {

    @Autowired
    Api api;

    private long newUser() {
        String email = "life." + UUID.randomUUID() + "@example.com";
        Response created = api.admin().post("/api/users", Map.of("email", email));
        assertThat(created.status()).isEqualTo(201);
        return created.get("id").asLong();
    }

    private String statusOf(long id) {
        return api.admin().get("/api/users/" + id).get("status").asString();
    }

    @Test
    void archivedUserIsRestored() {
        long id = newUser();
        Instant createdUpdatedAt = updatedAt(api.admin().get("/api/users/" + id));

        Response archived = api.admin().post("/api/users/" + id + "/archive", null);
        assertThat(archived.status()).isEqualTo(200);
        assertThat(archived.get("status").asString()).isEqualTo("ARCHIVED");
        assertThat(updatedAt(archived)).isAfter(createdUpdatedAt);
        assertThat(statusOf(id)).isEqualTo("ARCHIVED");

        Response restored = api.admin().post("/api/users/" + id + "/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(updatedAt(restored)).isAfter(updatedAt(archived));
        assertThat(statusOf(id)).isEqualTo("ACTIVE");
    }

    @Test
    void deletedUserIsKeptAndRestored() {
        long id = newUser();

        Response deleted = api.admin().delete("/api/users/" + id);
        assertThat(deleted.status()).isEqualTo(200);
        assertThat(deleted.get("status").asString()).isEqualTo("DELETED");
        assertThat(statusOf(id)).isEqualTo("DELETED");
        assertThat(api.admin().get("/api/users?status=DELETED&size=200").get("items").findValues("id"))
                .extracting(JsonNode::asLong).contains(id);

        Response restored = api.admin().post("/api/users/" + id + "/restore", null);
        assertThat(restored.status()).isEqualTo(200);
        assertThat(restored.get("status").asString()).isEqualTo("ACTIVE");
    }

    @Test
    void archivedUserCanBeDeleted() {
        long id = newUser();
        api.admin().post("/api/users/" + id + "/archive", null);

        assertThat(api.admin().delete("/api/users/" + id).get("status").asString()).isEqualTo("DELETED");
    }

    @Test
    void repeatingAStatusChangeIsHarmlessAndKeepsTheTime() {
        long id = newUser();
        Response active = api.admin().get("/api/users/" + id);

        Response restoredAgain = api.admin().post("/api/users/" + id + "/restore", null);
        assertThat(restoredAgain.status()).isEqualTo(200);
        assertThat(restoredAgain.body()).isEqualTo(active.body());

        Response archived = api.admin().post("/api/users/" + id + "/archive", null);
        Response archivedAgain = api.admin().post("/api/users/" + id + "/archive", null);
        assertThat(archivedAgain.status()).isEqualTo(200);
        assertThat(archivedAgain.body()).isEqualTo(archived.body());
    }

    @Test
    void deletedUserMustBeRestoredBeforeArchiving() {
        long id = newUser();
        api.admin().delete("/api/users/" + id);

        Response archive = api.admin().post("/api/users/" + id + "/archive", null);

        assertThat(archive.status()).isEqualTo(409);
        assertThat(archive.get("errors").get(0).get("field").asString()).isEqualTo("status");
        assertThat(statusOf(id)).isEqualTo("DELETED");
    }

    @Test
    void statusChangesOfAnUnknownUserAreNotFound() {
        assertThat(api.admin().post("/api/users/987654321/archive", null).status()).isEqualTo(404);
        assertThat(api.admin().post("/api/users/987654321/restore", null).status()).isEqualTo(404);
        assertThat(api.admin().delete("/api/users/987654321").status()).isEqualTo(404);
    }

    @Test
    void technicianMayNotArchiveDeleteOrRestore() {
        long active = newUser();
        long archived = newUser();
        api.admin().post("/api/users/" + archived + "/archive", null);

        Response archive = api.technician().post("/api/users/" + active + "/archive", null);
        assertThat(archive.status()).isEqualTo(403);
        assertThat(archive.get("title").asString()).isEqualTo("Forbidden");
        assertThat(api.technician().delete("/api/users/" + active).status()).isEqualTo(403);
        assertThat(api.technician().post("/api/users/" + archived + "/restore", null).status()).isEqualTo(403);

        assertThat(statusOf(active)).isEqualTo("ACTIVE");
        assertThat(statusOf(archived)).isEqualTo("ARCHIVED");
    }

    @Test
    void technicianMayReadUsers() {
        long id = newUser();

        assertThat(api.technician().get("/api/users/" + id).status()).isEqualTo(200);
        assertThat(api.technician().get("/api/users").status()).isEqualTo(200);
    }

    @Test
    void anonymousCallersMustSignIn() {
        long id = newUser();

        assertThat(api.anonymous().get("/api/users").status()).isEqualTo(401);
        assertThat(api.anonymous().get("/api/users/" + id).status()).isEqualTo(401);
        assertThat(api.anonymous().post("/api/users", Map.of("email", "anon@example.com")).status()).isEqualTo(401);
        assertThat(api.anonymous().post("/api/users/" + id + "/archive", null).status()).isEqualTo(401);
        assertThat(api.anonymous().delete("/api/users/" + id).status()).isEqualTo(401);
        assertThat(api.anonymous().post("/api/users/" + id + "/restore", null).status()).isEqualTo(401);
        assertThat(statusOf(id)).isEqualTo("ACTIVE");
    }

    private static Instant updatedAt(Response response) {
        return Instant.parse(response.get("updatedAt").asString());
    }
}
