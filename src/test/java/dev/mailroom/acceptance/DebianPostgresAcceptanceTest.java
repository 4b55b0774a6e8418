package dev.mailroom.acceptance;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

/**
 * When {@code MAILROOM_TEST_PG_URL} names a PostgreSQL server (CI: the Debian package started by
 * {@code scripts/acceptance/mailservers-up.sh}), every {@link OnPostgres} test runs on it instead of the embedded one.
 * This proves it is really that server, migrated from scratch into a database of its own.
 */
@Tag("acceptance")
@EnabledIfEnvironmentVariable(named = "MAILROOM_TEST_PG_URL", matches = ".+",
        disabledReason = "MAILROOM_TEST_PG_URL is not set: @OnPostgres tests use the embedded PostgreSQL")
@MailroomTest
@OnPostgres
class DebianPostgresAcceptanceTest {

    @Autowired
    JdbcClient jdbc;

    @Test
    void storageTestsRunOnTheNamedServer() {
        String url = System.getenv("MAILROOM_TEST_PG_URL");
        int port = Integer.parseInt(url.replaceAll("^jdbc:postgresql://[^:/]+:(\\d+)/.*$", "$1"));

        assertThat(jdbc.sql("select inet_server_port()").query(Integer.class).single()).isEqualTo(port);
        assertThat(jdbc.sql("select current_database()").query(String.class).single()).startsWith("mailroom_test_");
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success").query(Long.class).single())
                .isGreaterThanOrEqualTo(8);
    }
}
