package dev.mailroom.users;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.web.PageRequest;

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

    /** One page of the users the filter matches, ordered by email address. */
    public List<DeskUser> search(UserFilter filter, PageRequest page) {
        Where where = Where.of(filter);
        return jdbc.sql("select * from desk_user" + where.sql()
                        + " order by email_key, id offset :offset rows fetch next :size rows only")
                .params(where.params())
                .param("offset", page.offset())
                .param("size", page.size())
                .query(UserRepository::map)
                .list();
    }

    public long count(UserFilter filter) {
        Where where = Where.of(filter);
        return jdbc.sql("select count(*) from desk_user" + where.sql()).params(where.params()).query(Long.class).single();
    }

    public DeskUser insert(String email, String name, UserKind kind, boolean guest) {
        Instant now = SqlTime.now();
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

    /** Writes email, name and kind and stamps {@code updated_at}; status and the guest flag are not touched. */
    public void update(long id, String email, String name, UserKind kind) {
        jdbc.sql("""
                update desk_user set email = :email, email_key = :key, name = :name, kind = :kind, updated_at = :now
                where id = :id""")
                .param("email", email.trim())
                .param("key", emailKey(email))
                .param("name", name)
                .param("kind", kind.name())
                .param("now", SqlTime.toSql(SqlTime.now()))
                .param("id", id)
                .update();
    }

    public void changeStatus(long id, UserStatus status) {
        jdbc.sql("update desk_user set status = :status, updated_at = :now where id = :id")
                .param("status", status.name())
                .param("now", SqlTime.toSql(SqlTime.now()))
                .param("id", id)
                .update();
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

    /** The where clause of a user search: fixed SQL fragments only, every value a parameter. */
    private record Where(String sql, Map<String, Object> params) {

        static Where of(UserFilter filter) {
            List<String> conditions = new ArrayList<>();
            Map<String, Object> params = new HashMap<>();
            if (filter.hasText()) {
                conditions.add("(email_key like :q escape '!' or lower(name) like :q escape '!')");
                params.put("q", "%" + escapeLike(filter.q().trim().toLowerCase(Locale.ROOT)) + "%");
            }
            if (filter.kind() != null) {
                conditions.add("kind = :kind");
                params.put("kind", filter.kind().name());
            }
            if (filter.status() != null) {
                conditions.add("status = :status");
                params.put("status", filter.status().name());
            }
            if (filter.guest() != null) {
                conditions.add("guest = :guest");
                params.put("guest", filter.guest());
            }
            return new Where(conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions), params);
        }

        /** A search for "50%" or "first_name" means those characters, not LIKE wildcards. */
        private static String escapeLike(String text) {
            return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
        }
    }
}
