package dev.mailroom.outgoing.recipients;

import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.platform.SqlTime;

/**
 * Addresses that must not be mailed, with the reason in words ("undeliverable: 550 5.1.1 user unknown"). A bounce
 * handler marks an address with {@link #suppress} (a permanent address failure: until {@link #release}) or {@link
 * #suppressUntil} (repeated soft bounces: until the mark lapses); notifications to it end as SEND_IGNORED with that
 * reason meanwhile. {@link #recordSoftBounce} keeps count of the soft bounces.
 */
@Service
public class UndeliverableAddresses {

    /** The column's size ({@code recipient_suppression.reason}). */
    private static final int MAX_REASON = 1000;

    private final JdbcClient jdbc;

    UndeliverableAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the address until an admin lifts it (again: the newest reason wins). Joins the caller's transaction. */
    @Transactional
    public void suppress(String address, String reason) {
        mark(address, reason, null);
    }

    /**
     * Marks the address until {@code expiresAt}, unless a mark without expiry is already in force (a permanent address
     * failure is never turned into a temporary one). True if it marked.
     */
    @Transactional
    public boolean suppressUntil(String address, String reason, Instant expiresAt) {
        boolean permanent = jdbc.sql("select count(*) from recipient_suppression where address_key = :key and expires_at is null")
                .param("key", key(address)).query(Long.class).single() > 0;
        if (permanent) {
            return false;
        }
        mark(address, reason, expiresAt);
        return true;
    }

    /** Notes a soft bounce of the address; answers how many it had at or after {@code since}, this one included. */
    @Transactional
    public int recordSoftBounce(String address, String reason, Instant since) {
        String key = key(address);
        jdbc.sql("insert into recipient_soft_bounce (address_key, bounced_at, reason) values (:key, :now, :reason)")
                .param("key", key).param("now", SqlTime.toSql(SqlTime.now())).param("reason", cut(reason)).update();
        return jdbc.sql("select count(*) from recipient_soft_bounce where address_key = :key and bounced_at >= :since")
                .param("key", key).param("since", SqlTime.toSql(since)).query(Long.class).single().intValue();
    }

    /** Mail may go to the address again, and its soft bounces are forgotten; false if it was not marked. */
    @Transactional
    public boolean release(String address) {
        String key = key(address);
        boolean inForce = reasonFor(address).isPresent();
        jdbc.sql("delete from recipient_soft_bounce where address_key = :key").param("key", key).update();
        jdbc.sql("delete from recipient_suppression where address_key = :key").param("key", key).update();
        return inForce;
    }

    /** Every mark in force, newest first. */
    public List<UndeliverableAddress> list() {
        return jdbc.sql("""
                select address, reason, created_at, expires_at from recipient_suppression
                where expires_at is null or expires_at > :now
                order by created_at desc""")
                .param("now", SqlTime.toSql(SqlTime.now()))
                .query((rs, row) -> new UndeliverableAddress(rs.getString("address"), rs.getString("reason"),
                        SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "expires_at")))
                .list();
    }

    /** Why the address is marked, while a mark is in force. */
    public Optional<String> reasonFor(String address) {
        return jdbc.sql("""
                select reason from recipient_suppression
                where address_key = :key and (expires_at is null or expires_at > :now)""")
                .param("key", key(address)).param("now", SqlTime.toSql(SqlTime.now()))
                .query(String.class).optional();
    }

    private void mark(String address, String reason, Instant expiresAt) {
        String key = key(address);
        jdbc.sql("delete from recipient_suppression where address_key = :key").param("key", key).update();
        jdbc.sql("""
                insert into recipient_suppression (address_key, address, reason, created_at, expires_at)
                values (:key, :address, :reason, :now, :expires)""")
                .param("key", key).param("address", address.strip()).param("reason", cut(reason))
                .param("now", SqlTime.toSql(SqlTime.now()))
                .param("expires", expiresAt == null ? null : SqlTime.toSql(expiresAt), Types.TIMESTAMP_WITH_TIMEZONE).update();
    }

    private static String cut(String reason) {
        return reason.length() <= MAX_REASON ? reason : reason.substring(0, MAX_REASON - 1) + "…";
    }

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
