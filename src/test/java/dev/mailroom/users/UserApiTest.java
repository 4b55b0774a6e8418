package dev.mailroom.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.Api.Response;
import dev.mailroom.testing.MailroomTest;

/** The users API as an admin uses it. The database is shared with other test classes, so addresses carry a tag. */
@MailroomTest
class UserApiTest {

    @Autowired
    Api api;

    @Autowired
    UserRepository users;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private String email(String local) {
        return local + "." + tag + "@example.com";
    }

    private Response create(String local, String name, String kind) {
        var body = new HashMap<String, Object>(Map.of("email", email(local)));
        if (name != null) {
            body.put("name", name);
        }
        if (kind != null) {
            body.put("kind", kind);
        }
        Response response = api.admin().post("/api/users", body);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(201);
        return response;
    }

    @Test
    void createdUserIsAnActiveRegisteredRequesterByDefaultAndCanBeFetched() {
        Response created = create("Ana", "Ana Lima", null);

        long id = created.get("id").asLong();
        assertThat(created.headers().getLocation()).hasToString("/api/users/" + id);
        assertThat(created.get("email").asString()).isEqualTo(email("Ana"));
        assertThat(created.get("name").asString()).isEqualTo("Ana Lima");
        assertThat(created.get("kind").asString()).isEqualTo("REQUESTER");
        assertThat(created.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(created.get("guest").asBoolean()).isFalse();
        assertThat(created.body().propertyNames())
                .containsExactlyInAnyOrder("id", "email", "name", "kind", "status", "guest", "createdAt", "updatedAt");

        Response fetched = api.admin().get("/api/users/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());
    }

    @Test
    void technicianCanBeCreatedWithoutAName() {
        Response created = create("tech", null, "TECHNICIAN");

        assertThat(created.get("kind").asString()).isEqualTo("TECHNICIAN");
        assertThat(created.body().has("name")).isFalse();
    }

    @Test
    void duplicateEmailInOtherCaseIsAConflictOnTheEmailField() {
        create("bruno", null, null);

        Response duplicate = api.admin().post("/api/users", Map.of("email", email("BRUNO").toUpperCase()));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.get("title").asString()).isEqualTo("Conflict");
        assertThat(duplicate.get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(duplicate.get("detail").asString()).contains("already exists");
        assertThat(users.count(new UserFilter(tag, null, null, null))).isEqualTo(1);
    }

    @Test
    void invalidUserGivesFieldErrors() {
        Response invalid = api.admin().post("/api/users", Map.of("email", "not an address", "name", "x".repeat(201)));

        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "name");

        Response missing = api.admin().post("/api/users", Map.of("name", "No Address"));
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.get("errors").findValuesAsString("field")).containsExactly("email");

        Response tooLong = api.admin().post("/api/users", Map.of("email", "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(200) + ".com"));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.get("errors").findValuesAsString("field")).contains("email");
    }

    @Test
    void unknownIdIsANotFoundProblemAndNonNumericIdIsABadRequest() {
        Response unknown = api.admin().get("/api/users/987654321");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.headers().getContentType()).hasToString("application/problem+json");
        assertThat(unknown.get("status").asInt()).isEqualTo(404);
        assertThat(unknown.get("detail").asString()).isEqualTo("User 987654321 does not exist");
        assertThat(api.admin().patch("/api/users/987654321", Map.of("name", "x")).status()).isEqualTo(404);

        Response nonNumeric = api.admin().get("/api/users/abc");
        assertThat(nonNumeric.status()).isEqualTo(400);
        assertThat(nonNumeric.get("errors").get(0).get("field").asString()).isEqualTo("id");
    }

    @Test
    void listFiltersByTextKindStatusAndGuestOrderedByEmail() {
        create("zoe", "Zoe Keller", "TECHNICIAN");
        create("amy", "Amy Keller", null);
        long max = create("max", "Max Power", null).get("id").asLong();
        users.findOrCreateGuest(email("guest"), "Walk In");
        assertThat(api.admin().post("/api/users/" + max + "/archive", null).status()).isEqualTo(200);

        assertThat(emails("q=" + tag)).containsExactly(email("amy"), email("guest"), email("max"), email("zoe"));
        assertThat(emails("q=" + tag.toUpperCase() + "&kind=TECHNICIAN")).containsExactly(email("zoe"));
        assertThat(emails("q=" + tag + "&kind=REQUESTER&status=ACTIVE")).containsExactly(email("amy"), email("guest"));
        assertThat(emails("q=" + tag + "&status=ARCHIVED")).containsExactly(email("max"));
        assertThat(emails("q=" + tag + "&guest=true")).containsExactly(email("guest"));
        assertThat(emails("q=" + tag + "&guest=false")).containsExactly(email("amy"), email("max"), email("zoe"));
        // q matches names too, whatever their case
        assertThat(emails("q=kELLER&size=200")).contains(email("amy"), email("zoe")).doesNotContain(email("max"));
    }

    @Test
    void listPagesThroughTheMatches() {
        for (String local : new String[] { "e", "d", "c", "b", "a" }) {
            create(local, null, null);
        }

        Response second = api.admin().get("/api/users?q=" + tag + "&page=1&size=2");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.get("items").findValuesAsString("email")).containsExactly(email("c"), email("d"));
        assertThat(second.get("page").asInt()).isEqualTo(1);
        assertThat(second.get("size").asInt()).isEqualTo(2);
        assertThat(second.get("totalItems").asLong()).isEqualTo(5);
        assertThat(second.get("totalPages").asInt()).isEqualTo(3);
        assertThat(emails("q=" + tag + "&page=2&size=2")).containsExactly(email("e"));
        assertThat(emails("q=" + tag + "&page=3&size=2")).isEmpty();
    }

    @Test
    void badListParametersAreFieldErrors() {
        assertThat(fieldOf(api.admin().get("/api/users?kind=BOSS"))).isEqualTo("kind");
        assertThat(fieldOf(api.admin().get("/api/users?status=GONE"))).isEqualTo("status");
        assertThat(fieldOf(api.admin().get("/api/users?size=0"))).isEqualTo("size");
        assertThat(fieldOf(api.admin().get("/api/users?page=-1"))).isEqualTo("page");
    }

    @Test
    void patchChangesOnlyTheGivenFieldsAndRecordsTheTime() {
        Response created = create("carla", "Carla", null);
        long id = created.get("id").asLong();

        Response renamed = api.admin().patch("/api/users/" + id, Map.of("name", "Carla Souza"));
        assertThat(renamed.status()).isEqualTo(200);
        assertThat(renamed.get("name").asString()).isEqualTo("Carla Souza");
        assertThat(renamed.get("email").asString()).isEqualTo(email("carla"));
        assertThat(renamed.get("kind").asString()).isEqualTo("REQUESTER");
        assertThat(instant(renamed, "updatedAt")).isAfter(instant(created, "updatedAt"));
        assertThat(renamed.get("createdAt")).isEqualTo(created.get("createdAt"));

        Response moved = api.admin().patch("/api/users/" + id, Map.of("email", email("carla.souza"), "kind", "TECHNICIAN"));
        assertThat(moved.get("email").asString()).isEqualTo(email("carla.souza"));
        assertThat(moved.get("kind").asString()).isEqualTo("TECHNICIAN");
        assertThat(moved.get("name").asString()).isEqualTo("Carla Souza");
        assertThat(api.admin().get("/api/users/" + id).body()).isEqualTo(moved.body());

        Response cleared = api.admin().patch("/api/users/" + id, Map.of("name", " "));
        assertThat(cleared.body().has("name")).isFalse();
    }

    @Test
    void patchMayChangeTheCaseOfTheOwnAddressButNotTakeAnother() {
        long dora = create("dora", null, null).get("id").asLong();
        create("eva", null, null);

        Response recased = api.admin().patch("/api/users/" + dora, Map.of("email", email("DORA")));
        assertThat(recased.status()).isEqualTo(200);
        assertThat(recased.get("email").asString()).isEqualTo(email("DORA"));

        Response taken = api.admin().patch("/api/users/" + dora, Map.of("email", email("Eva")));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.get("errors").get(0).get("field").asString()).isEqualTo("email");
        assertThat(api.admin().get("/api/users/" + dora).get("email").asString()).isEqualTo(email("DORA"));

        Response blank = api.admin().patch("/api/users/" + dora, Map.of("email", ""));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.get("errors").findValuesAsString("field")).containsOnly("email");
    }

    private List<String> emails(String query) {
        Response response = api.admin().get("/api/users?" + query);
        assertThat(response.status()).as(response.body().toString()).isEqualTo(200);
        return response.get("items").findValuesAsString("email");
    }

    private static String fieldOf(Response response) {
        assertThat(response.status()).isEqualTo(400);
        return response.get("errors").get(0).get("field").asString();
    }

    private static Instant instant(Response response, String field) {
        return Instant.parse(response.get(field).asString());
    }
}
