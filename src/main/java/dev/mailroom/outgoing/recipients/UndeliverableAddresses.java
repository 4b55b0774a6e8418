package dev.mailroom.outgoing.recipients;

import java.util.Locale;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.mailroom.platform.SqlTime;

/**
 * Addresses that must not be mailed, with the reason in words ("undeliverable: 550 5.1.1 user unknown"). A bounce
 * handler marks an address with {@link #suppress}; notifications to it end as SEND_IGNORED with that reason until
 * {@link #release}.
 */
@Service
public class UndeliverableAddresses {

    private final JdbcClient jdbc;

    UndeliverableAddresses(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Marks the address (again: the newest reason wins). Joins the caller's transaction. */
    @Transactional
    public void suppress(String address, String reason) {
        String key = key(address);
        jdbc.sql("delete from recipient_suppression where address_key = :key").param("key", key).update();
        jdbc.sql("""
                insert into recipient_suppression (address_key, address, reason, created_at)
                values (:key, :address, :reason, :now)""")
                .param("key", key).param("address", address.strip()).param("reason", reason)
                .param("now", SqlTime.toSql(SqlTime.now())).update();
    }

    /** Mail may go to the address again; false if it was not marked. */
    @Transactional
    public boolean release(String address) {
        return jdbc.sql("delete from recipient_suppression where address_key = :key").param("key", key(address))
                .update() > 0;
    }

    /** Every marked address, newest first. */
    public List<UndeliverableAddress> list() {
        return jdbc.sql("select address, reason, created_at from recipient_suppression order by created_at desc")
                .query((rs, row) -> new UndeliverableAddress(rs.getString("address"), rs.getString("reason"),
                        SqlTime.instant(rs, "created_at")))
                .list();
    }

    public Optional<String> reasonFor(String address) {
        return jdbc.sql("select reason from recipient_suppression where address_key = :key").param("key", key(address))
                .query(String.class).optional();
    }

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }
}
