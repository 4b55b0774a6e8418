package dev.mailroom.incoming;

import static dev.mailroom.incoming.IncomingServers.imaps;
import static dev.mailroom.incoming.IncomingServers.with;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.testing.Api;
import dev.mailroom.testing.Api.Response;
import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

/** V2 and the repository on PostgreSQL: lists, foreign keys, case-insensitive keys, cascading delete. */
@MailroomTest
@OnPostgres
class IncomingServerPostgresTest {

    private static final String SERVERS = "/api/incoming-servers";

    @Autowired
    Api api;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncomingServerRepository repository;

    @Test
    void roundTripOnPostgres() {
        long groupId = IncomingServers.lookup(jdbc, "technician_group", "Service Desk");
        Response created = api.admin().post(SERVERS, with(imaps("Postgres", "pg@example.com"),
                "mailboxAddresses", List.of("pg@example.com", "help@example.com"),
                "requestIdPrefixes", List.of("INC-", "REQ-"),
                "filterType", "IGNORE",
                "filterEntries", List.of("spam.example", "noreply@example.org"),
                "technicianGroupId", groupId));
        long id = created.get("id").asLong();

        assertThat(created.status()).isEqualTo(201);
        assertThat(api.admin().get(SERVERS + "/" + id).body()).isEqualTo(created.body());
        assertThat(repository.findByMailboxAddress("HELP@example.com")).map(IncomingServer::id).contains(id);
        assertThat(repository.findEnabled()).extracting(IncomingServer::id).contains(id);
        assertThat(api.admin().post(SERVERS, imaps("POSTGRES", "other@example.com")).status()).isEqualTo(409);

        Response updated = api.admin().put(SERVERS + "/" + id, with(imaps("Postgres", "pg@example.com"), "password", null,
                "requestIdPrefixes", List.of("REQ-")));
        assertThat(updated.get("requestIdPrefixes").toString()).isEqualTo("[\"REQ-\"]");
        assertThat(updated.get("mailboxAddresses").toString()).isEqualTo("[\"pg@example.com\"]");
        jdbc.sql("insert into mailbox_state (server_id, last_uid, consecutive_failures, backlog) values (:id, 0, 0, 0)")
                .param("id", id).update();

        assertThat(api.admin().delete(SERVERS + "/" + id).status()).isEqualTo(204);
        assertThat(jdbc.sql("select count(*) from incoming_server_mailbox where server_id = :id").param("id", id)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from mailbox_state").query(Long.class).single()).isZero();
    }
}
