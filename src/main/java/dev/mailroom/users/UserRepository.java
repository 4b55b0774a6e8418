package dev.mailroom.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mailroom.platform.SqlTime;

@Repository
public class UserRepository {

    private final JdbcClient jdbc;
    private final TransactionTemplate savepoint;

    UserRepository(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.savepoint = new TransactionTemplate(transactions);
        this.savepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
    }

    public Optional<DeskUser> findById(long id) {
        return jdbc.sql("select * from desk_user where id = :id").param("id", id).query(UserRepository::map).optional();
    }

    /** Email addresses match case-insensitively. */
    public Optional<DeskUser> findByEmail(String email) {
        return jdbc.sql("select * from desk_user where email_key = :key")
                .param("key", emailKey(email))
                .query(UserRepository::map)
                .optional();
    }

    public DeskUser insert(String email, String name, UserKind kind, boolean guest) {
        Instant now = Instant.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into desk_user (email, email_key, name, kind, status, guest, created_at, updated_at)
                values (:email, :key, :name, :kind, 'ACTIVE', :guest, :now, :now)""")
                .param("email", email.trim())
                .param("key", emailKey(email))
                .param("name", name)
                .param("kind", kind.name())
                .param("guest", guest)
                .param("now", SqlTime.toSql(now))
                .update(keys, "id");
        return new DeskUser(keys.getKey().longValue(), email.trim(), name, kind, UserStatus.ACTIVE, guest, now, now);
    }

    /**
     * The user with this address, created as a guest requester if the desk does not know it yet.
     * Two callers racing for a new address both get the one row the unique key lets through; the insert runs in a
     * savepoint so that losing the race does not abort the caller's PostgreSQL transaction.
     */
    public DeskUser findOrCreateGuest(String email, String name) {
        return findByEmail(email).orElseGet(() -> {
            try {
                return savepoint.execute(status -> insert(email, name, UserKind.REQUESTER, true));
            } catch (DuplicateKeyException raced) {
                return findByEmail(email).orElseThrow(() -> raced);
            }
        });
    }

    public static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    static DeskUser map(ResultSet rs, int row) throws SQLException {
        return new DeskUser(rs.getLong("id"), rs.getString("email"), rs.getString("name"),
                UserKind.valueOf(rs.getString("kind")), UserStatus.valueOf(rs.getString("status")),
                rs.getBoolean("guest"), SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "updated_at"));
    }
}
