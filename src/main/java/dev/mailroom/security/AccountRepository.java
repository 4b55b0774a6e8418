package dev.mailroom.security;

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

@Repository
public class AccountRepository {

    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<Account> findByUsername(String username) {
        return jdbc.sql("select * from account where username_key = :key")
                .param("key", key(username))
                .query(AccountRepository::map)
                .optional();
    }

    public Optional<Account> findById(long id) {
        return jdbc.sql("select * from account where id = :id").param("id", id).query(AccountRepository::map).optional();
    }

    public List<Account> findAll() {
        return jdbc.sql("select * from account order by username_key").query(AccountRepository::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from account").query(Long.class).single();
    }

    public Account insert(String username, String passwordHash, Role role, boolean enabled) {
        Instant now = SqlTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into account (username, username_key, password_hash, role, enabled, created_at)
                values (:username, :key, :hash, :role, :enabled, :now)""")
                .param("username", username)
                .param("key", key(username))
                .param("hash", passwordHash)
                .param("role", role.name())
                .param("enabled", enabled)
                .param("now", SqlTime.toSql(now))
                .update(keys, "id");
        return new Account(keys.getKey().longValue(), username, passwordHash, role, enabled, now);
    }

    public void update(Account account) {
        jdbc.sql("update account set password_hash = :hash, role = :role, enabled = :enabled where id = :id")
                .param("hash", account.passwordHash())
                .param("role", account.role().name())
                .param("enabled", account.enabled())
                .param("id", account.id())
                .update();
    }

    static String key(String username) {
        return username.trim().toLowerCase(Locale.ROOT);
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                Role.valueOf(rs.getString("role")), rs.getBoolean("enabled"), SqlTime.instant(rs, "created_at"));
    }
}
