package dev.mailroom.outgoing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;
import dev.mailroom.platform.Texts;
import dev.mailroom.transport.MailSecurity;
import dev.mailroom.transport.OutgoingTransport;
import dev.mailroom.transport.SmtpAuthentication;

/** Outgoing servers with their spam/ignore filter, and which one sends for a mailbox. */
@Repository
public class OutgoingServerRepository {

    private final JdbcClient jdbc;

    OutgoingServerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<OutgoingServer> findAll() {
        return query("select * from outgoing_server order by name_key", Map.of(), null);
    }

    public Optional<OutgoingServer> findById(long id) {
        return query("select * from outgoing_server where id = :id", Map.of("id", id), id).stream().findFirst();
    }

    public Optional<OutgoingServer> findByName(String name) {
        return jdbc.sql("select id from outgoing_server where name_key = :key").param("key", key(name))
                .query(Long.class).optional().flatMap(this::findById);
    }

    public Optional<OutgoingServer> findDefault() {
        return jdbc.sql("select id from outgoing_server where default_server = true")
                .query(Long.class).optional().flatMap(this::findById);
    }

    /** The server chosen for this mailbox, or the default server when none was chosen (or there is no mailbox). */
    public Optional<OutgoingServer> findForIncoming(Long incomingServerId) {
        Optional<Long> chosen = incomingServerId == null ? Optional.empty() : outgoingServerIdOf(incomingServerId);
        if (chosen.isPresent()) {
            return chosen.flatMap(this::findById);
        }
        return findDefault();
    }

    /** Chooses the outgoing server of a mailbox; {@code null} goes back to the default server. */
    public void assignToIncoming(long incomingServerId, Long outgoingServerId) {
        jdbc.sql("update incoming_server set outgoing_server_id = :outgoing where id = :id")
                .param("outgoing", outgoingServerId)
                .param("id", incomingServerId)
                .update();
    }

    public Optional<Long> outgoingServerIdOf(long incomingServerId) {
        return jdbc.sql("select outgoing_server_id from incoming_server where id = :id")
                .param("id", incomingServerId)
                .query((rs, row) -> rs.getObject("outgoing_server_id", Long.class)).optional()
                .flatMap(Optional::ofNullable);
    }

    public OutgoingServer insert(OutgoingServerSettings settings, String encryptedPassword) {
        Instant now = SqlTime.now();
        if (settings.defaultServer()) {
            clearDefault();
        }
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into outgoing_server (name, name_key, host, port, security, authentication, username,
                    password_encrypted, from_address, from_name, reply_to_address, enabled, default_server,
                    max_attachment_bytes, trust_self_signed_certificate, connect_timeout_seconds, read_timeout_seconds,
                    transport, created_at, updated_at)
                values (:name, :nameKey, :host, :port, :security, :authentication, :username,
                    :password, :fromAddress, :fromName, :replyToAddress, :enabled, :defaultServer,
                    :maxAttachmentBytes, :trustSelfSignedCertificate, :connectTimeoutSeconds, :readTimeoutSeconds,
                    :transport, :now, :now)""")
                .params(columns(settings, encryptedPassword, now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertFilter(id, settings.filterEntries());
        return new OutgoingServer(id, settings, encryptedPassword, now, now, SendHealth.NONE);
    }

    public void update(long id, OutgoingServerSettings settings, String encryptedPassword) {
        if (settings.defaultServer()) {
            clearDefault();
        }
        Map<String, Object> columns = columns(settings, encryptedPassword, SqlTime.now());
        columns.put("id", id);
        jdbc.sql("""
                update outgoing_server set name = :name, name_key = :nameKey, host = :host, port = :port,
                    security = :security, authentication = :authentication, username = :username,
                    password_encrypted = :password, from_address = :fromAddress, from_name = :fromName,
                    reply_to_address = :replyToAddress, enabled = :enabled, default_server = :defaultServer,
                    max_attachment_bytes = :maxAttachmentBytes,
                    trust_self_signed_certificate = :trustSelfSignedCertificate,
                    connect_timeout_seconds = :connectTimeoutSeconds, read_timeout_seconds = :readTimeoutSeconds,
                    transport = :transport, updated_at = :now
                where id = :id""")
                .params(columns)
                .update();
        jdbc.sql("delete from outgoing_server_filter where server_id = :id").param("id", id).update();
        insertFilter(id, settings.filterEntries());
    }

    /** The server accepted a message at {@code at}: it is "ready" again unless a later failure is recorded. */
    public void recordSent(long id, Instant at) {
        jdbc.sql("update outgoing_server set last_sent_at = :at where id = :id and (last_sent_at is null or last_sent_at < :at)")
                .param("at", SqlTime.toSql(at))
                .param("id", id)
                .update();
    }

    /** Sending through the server failed at {@code at} (connecting, signing in, the message refused): "failing". */
    public void recordSendFailure(long id, String error, Instant at) {
        jdbc.sql("update outgoing_server set last_send_error = :error, last_send_error_at = :at where id = :id")
                .param("error", Texts.clip(error, 2000))
                .param("at", SqlTime.toSql(at))
                .param("id", id)
                .update();
    }

    /** Deletes the server with its filter; mailboxes that used it fall back to the default server. */
    public boolean delete(long id) {
        return jdbc.sql("delete from outgoing_server where id = :id").param("id", id).update() > 0;
    }

    static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private void clearDefault() {
        jdbc.sql("update outgoing_server set default_server = null where default_server = true").update();
    }

    private static Map<String, Object> columns(OutgoingServerSettings s, String encryptedPassword, Instant now) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", s.name());
        columns.put("nameKey", key(s.name()));
        columns.put("host", s.host());
        columns.put("port", s.port());
        columns.put("security", s.security().name());
        columns.put("authentication", s.authentication().name());
        columns.put("username", s.username());
        columns.put("password", encryptedPassword);
        columns.put("fromAddress", s.fromAddress());
        columns.put("fromName", s.fromName());
        columns.put("replyToAddress", s.replyToAddress());
        columns.put("enabled", s.enabled());
        columns.put("defaultServer", s.defaultServer() ? Boolean.TRUE : null);
        columns.put("maxAttachmentBytes", s.maxAttachmentBytes());
        columns.put("trustSelfSignedCertificate", s.trustSelfSignedCertificate());
        columns.put("connectTimeoutSeconds", s.connectTimeoutSeconds());
        columns.put("readTimeoutSeconds", s.readTimeoutSeconds());
        columns.put("transport", s.transport().name());
        columns.put("now", SqlTime.toSql(now));
        return columns;
    }

    private void insertFilter(long id, List<String> entries) {
        for (int i = 0; i < entries.size(); i++) {
            jdbc.sql("insert into outgoing_server_filter (server_id, sort_order, entry, entry_key) values (:id, :order, :entry, :key)")
                    .param("id", id)
                    .param("order", i)
                    .param("entry", entries.get(i))
                    .param("key", key(entries.get(i)))
                    .update();
        }
    }

    private List<OutgoingServer> query(String sql, Map<String, Object> params, Long onlyServer) {
        Map<Long, List<String>> filters = filters(onlyServer);
        return jdbc.sql(sql).params(params)
                .query((rs, row) -> map(rs, filters.getOrDefault(rs.getLong("id"), List.of())))
                .list();
    }

    private Map<Long, List<String>> filters(Long onlyServer) {
        String where = onlyServer == null ? "" : " where server_id = :id";
        var query = jdbc.sql("select server_id, entry from outgoing_server_filter" + where + " order by server_id, sort_order");
        if (onlyServer != null) {
            query = query.param("id", onlyServer);
        }
        Map<Long, List<String>> byServer = new HashMap<>();
        query.query(rs -> {
            byServer.computeIfAbsent(rs.getLong("server_id"), id -> new ArrayList<>()).add(rs.getString("entry"));
        });
        return byServer;
    }

    private static OutgoingServer map(ResultSet rs, List<String> filter) throws SQLException {
        OutgoingServerSettings settings = new OutgoingServerSettings(
                rs.getString("name"),
                rs.getString("host"),
                rs.getInt("port"),
                MailSecurity.valueOf(rs.getString("security")),
                SmtpAuthentication.valueOf(rs.getString("authentication")),
                rs.getString("username"),
                rs.getString("from_address"),
                rs.getString("from_name"),
                rs.getString("reply_to_address"),
                rs.getBoolean("enabled"),
                rs.getObject("default_server") != null,
                rs.getLong("max_attachment_bytes"),
                filter,
                rs.getBoolean("trust_self_signed_certificate"),
                rs.getInt("connect_timeout_seconds"),
                rs.getInt("read_timeout_seconds"),
                OutgoingTransport.valueOf(rs.getString("transport")));
        return new OutgoingServer(rs.getLong("id"), settings, rs.getString("password_encrypted"),
                SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "updated_at"),
                new SendHealth(SqlTime.instant(rs, "last_sent_at"), rs.getString("last_send_error"),
                        SqlTime.instant(rs, "last_send_error_at")));
    }
}
