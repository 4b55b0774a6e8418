package dev.mailroom.lookups;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.Api.Response;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.users.UserKind;
import dev.mailroom.users.UserRepository;

/** Technician groups and categories share one API shape; every test runs on both paths. */
@MailroomTest
class LookupApiTest {

    @Autowired
    Api api;

    @Autowired
    UserRepository users;

    @Autowired
    JdbcClient jdbc;

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    private long create(String path, String name) {
        Response created = api.admin().post(path, Map.of("name", name));
        assertThat(created.status()).as(created.body().toString()).isEqualTo(201);
        return created.get("id").asLong();
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/groups", "/api/categories" })
    void roundTrip(String path) {
        Response created = api.admin().post(path, Map.of("name", "  Network " + tag + "  ", "description", "Routers"));
        assertThat(created.status()).isEqualTo(201);
        long id = created.get("id").asLong();
        assertThat(created.headers().getLocation()).hasToString(path + "/" + id);
        assertThat(created.get("name").asString()).isEqualTo("Network " + tag);
        assertThat(created.get("description").asString()).isEqualTo("Routers");
        assertThat(created.get("createdAt").isMissingNode()).isFalse();

        Response fetched = api.admin().get(path + "/" + id);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(created.body());

        Response updated = api.admin().put(path + "/" + id, Map.of("name", "Networking " + tag));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.get("name").asString()).isEqualTo("Networking " + tag);
        assertThat(updated.body().has("description")).isFalse();
        assertThat(api.admin().get(path + "/" + id).body()).isEqualTo(updated.body());

        Response deleted = api.admin().delete(path + "/" + id);
        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api.admin().get(path + "/" + id).status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/groups", "/api/categories" })
    void listIsSortedByNameIgnoringCase(String path) {
        create(path, tag + " charlie");
        create(path, tag + " Alpha");
        create(path, tag + " bravo");

        Response list = api.admin().get(path);

        assertThat(list.status()).isEqualTo(200);
        assertThat(list.body().findValuesAsString("name")).filteredOn(name -> name.startsWith(tag))
                .containsExactly(tag + " Alpha", tag + " bravo", tag + " charlie");
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/groups", "/api/categories" })
    void duplicateNameInOtherCaseIsAConflictOnTheNameField(String path) {
        long printers = create(path, "Printers " + tag);
        long scanners = create(path, "Scanners " + tag);

        Response duplicate = api.admin().post(path, Map.of("name", " PRINTERS " + tag.toUpperCase()));
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.get("errors").get(0).get("field").asString()).isEqualTo("name");

        Response renameOntoOther = api.admin().put(path + "/" + scanners, Map.of("name", "printers " + tag));
        assertThat(renameOntoOther.status()).isEqualTo(409);
        assertThat(renameOntoOther.get("errors").get(0).get("field").asString()).isEqualTo("name");

        Response recase = api.admin().put(path + "/" + printers, Map.of("name", "PRINTERS " + tag));
        assertThat(recase.status()).isEqualTo(200);
        assertThat(recase.get("name").asString()).isEqualTo("PRINTERS " + tag);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/groups", "/api/categories" })
    void invalidNamesAreFieldErrors(String path) {
        Response blank = api.admin().post(path, Map.of("name", "   "));
        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.get("errors").findValuesAsString("field")).containsExactly("name");

        Response tooLong = api.admin().post(path, Map.of("name", "x".repeat(201), "description", "d".repeat(2001)));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.get("errors").findValuesAsString("field")).containsExactlyInAnyOrder("name", "description");

        assertThat(api.admin().post(path, Map.of("name", "x".repeat(200))).status()).isIn(201, 409);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/groups", "/api/categories" })
    void unknownIdIsANotFoundProblem(String path) {
        Response unknown = api.admin().get(path + "/987654321");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.get("detail").asString()).endsWith("987654321 does not exist");
        assertThat(api.admin().put(path + "/987654321", Map.of("name", "x " + tag)).status()).isEqualTo(404);
        assertThat(api.admin().delete(path + "/987654321").status()).isEqualTo(404);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/groups", "/api/categories" })
    void entryUsedByTicketsIsNotDeleted(String path) {
        long id = create(path, "Busy " + tag);
        LookupKind kind = path.equals("/api/groups") ? LookupKind.TECHNICIAN_GROUP : LookupKind.CATEGORY;
        long requester = users.insert("requester." + tag + "@example.com", null, UserKind.REQUESTER, false).id();
        Tickets tickets = new Tickets(jdbc);
        tickets.insertUsing(kind, id, requester);
        tickets.insertUsing(kind, id, requester);
        tickets.insertUsing(kind, id, requester);

        Response refused = api.admin().delete(path + "/" + id);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.get("detail").asString()).contains("Busy " + tag).contains("used by 3 tickets");
        assertThat(api.admin().get(path + "/" + id).status()).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/groups", "/api/categories" })
    void technicianReadsButMayNotWrite(String path) {
        long id = create(path, "Desk " + tag);

        assertThat(api.technician().get(path).status()).isEqualTo(200);
        assertThat(api.technician().get(path + "/" + id).get("name").asString()).isEqualTo("Desk " + tag);

        assertThat(api.technician().post(path, Map.of("name", "Tech made " + tag)).status()).isEqualTo(403);
        assertThat(api.technician().put(path + "/" + id, Map.of("name", "Renamed " + tag)).status()).isEqualTo(403);
        assertThat(api.technician().delete(path + "/" + id).status()).isEqualTo(403);

        assertThat(api.admin().get(path + "/" + id).get("name").asString()).isEqualTo("Desk " + tag);
        assertThat(names(path)).doesNotContain("Tech made " + tag);
    }

    @ParameterizedTest
    @ValueSource(strings = { "/api/groups", "/api/categories" })
    void anonymousCallersMustSignIn(String path) {
        long id = create(path, "Closed " + tag);

        assertThat(api.anonymous().get(path).status()).isEqualTo(401);
        assertThat(api.anonymous().get(path + "/" + id).status()).isEqualTo(401);
        assertThat(api.anonymous().post(path, Map.of("name", "Anon " + tag)).status()).isEqualTo(401);
        assertThat(api.anonymous().delete(path + "/" + id).status()).isEqualTo(401);
    }

    private List<String> names(String path) {
        return api.admin().get(path).body().findValuesAsString("name");
    }
}
