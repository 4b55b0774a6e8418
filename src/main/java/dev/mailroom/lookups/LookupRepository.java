package dev.mailroom.lookups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

/** Technician groups and categories. Table names come from {@link LookupKind}, never from a request. */
@Repository
public class LookupRepository {

    private final JdbcClient jdbc;

    LookupRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Lookup> findById(LookupKind kind, long id) {
        return jdbc.sql("select * from " + kind.table() + " where id = :id")
                .param("id", id)
                .query(LookupRepository::map)
                .optional();
    }

    static Lookup map(ResultSet rs, int row) throws SQLException {
        return new Lookup(rs.getLong("id"), rs.getString("name"), rs.getString("description"), SqlTime.instant(rs, "created_at"));
    }
}
