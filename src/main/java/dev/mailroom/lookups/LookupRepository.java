package dev.mailroom.lookups;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

/** Technician groups and categories. Table and column names come from {@link LookupKind}, never from a request. */
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

    /** Names match case-insensitively and without surrounding blanks. */
    public Optional<Lookup> findByName(LookupKind kind, String name) {
        return jdbc.sql("select * from " + kind.table() + " where name_key = :key")
                .param("key", nameKey(name))
                .query(LookupRepository::map)
                .optional();
    }

    public List<Lookup> findAll(LookupKind kind) {
        return jdbc.sql("select * from " + kind.table() + " order by name_key, id").query(LookupRepository::map).list();
    }

    public Lookup insert(LookupKind kind, String name, String description) {
        Instant now = SqlTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("insert into " + kind.table() + " (name, name_key, description, created_at) values (:name, :key, :description, :now)")
                .param("name", name.trim())
                .param("key", nameKey(name))
                .param("description", description)
                .param("now", SqlTime.toSql(now))
                .update(keys, "id");
        return new Lookup(keys.getKey().longValue(), name.trim(), description, now);
    }

    public void update(LookupKind kind, long id, String name, String description) {
        jdbc.sql("update " + kind.table() + " set name = :name, name_key = :key, description = :description where id = :id")
                .param("name", name.trim())
                .param("key", nameKey(name))
                .param("description", description)
                .param("id", id)
                .update();
    }

    public void delete(LookupKind kind, long id) {
        jdbc.sql("delete from " + kind.table() + " where id = :id").param("id", id).update();
    }

    /** How many tickets point to this entry; they keep it from being deleted. */
    public long countTickets(LookupKind kind, long id) {
        return jdbc.sql("select count(*) from ticket where " + kind.ticketColumn() + " = :id")
                .param("id", id)
                .query(Long.class)
                .single();
    }

    static String nameKey(String name) {
        return name.trim().toLowerCase(Locale.ROOT);
    }

    static Lookup map(ResultSet rs, int row) throws SQLException {
        return new Lookup(rs.getLong("id"), rs.getString("name"), rs.getString("description"), SqlTime.instant(rs, "created_at"));
    }
}
