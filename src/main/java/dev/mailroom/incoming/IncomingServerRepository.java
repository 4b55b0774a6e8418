package dev.mailroom.incoming;

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

import dev.mailroom.addresses.AddressSyntax;
import dev.mailroom.addresses.FilterType;
import dev.mailroom.platform.SqlTime;
import dev.mailroom.transport.MailProtocol;
import dev.mailroom.transport.MailSecurity;

/** Incoming servers with their three lists (mailbox addresses, request-ID prefixes, filter entries). */
@Repository
public class IncomingServerRepository {

    private enum ListTable {
        MAILBOXES("incoming_server_mailbox", "address", "address_key"),
        PREFIXES("incoming_server_prefix", "prefix", "prefix_key"),
        FILTER("incoming_server_filter", "entry", "entry_key");

        final String table;
        final String column;
        final String keyColumn;

        ListTable(String table, String column, String keyColumn) {
            this.table = table;
            this.column = column;
            this.keyColumn = keyColumn;
        }
    }

    private final JdbcClient jdbc;

    IncomingServerRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<IncomingServer> findAll() {
        return query("select * from incoming_server order by name_key", Map.of(), null);
    }

    /** The servers the fetcher polls. */
    public List<IncomingServer> findEnabled() {
        return query("select * from incoming_server where enabled = true order by name_key", Map.of(), null);
    }

    /** Ids of the enabled servers reading with this protocol (one light query, for every node's heartbeat). */
    public List<Long> enabledIds(MailProtocol protocol) {
        return jdbc.sql("select id from incoming_server where enabled = true and protocol = :protocol order by id")
                .param("protocol", protocol.name()).query(Long.class).list();
    }

    public Optional<IncomingServer> findById(long id) {
        return query("select * from incoming_server where id = :id", Map.of("id", id), id).stream().findFirst();
    }

    public Optional<IncomingServer> findByName(String name) {
        return jdbc.sql("select id from incoming_server where name_key = :key").param("key", key(name))
                .query(Long.class).optional().flatMap(this::findById);
    }

    /** The server whose mailbox receives mail for this address, if any (case-insensitive). */
    public Optional<IncomingServer> findByMailboxAddress(String address) {
        return jdbc.sql("select server_id from incoming_server_mailbox where address_key = :key")
                .param("key", AddressSyntax.key(address))
                .query(Long.class).optional().flatMap(this::findById);
    }

    public IncomingServer insert(IncomingServerSettings settings, String encryptedPassword) {
        Instant now = SqlTime.now();
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into incoming_server (name, name_key, protocol, host, port, security, username, password_encrypted,
                    folder, poll_interval_seconds, enabled, after_processing, move_to_folder, max_message_size_bytes,
                    cc_ticket_creation, bcc_ticket_creation, filter_type, technician_group_id, category_id,
                    trust_self_signed_certificate, connect_timeout_seconds, read_timeout_seconds, outgoing_server_id,
                    created_at, updated_at)
                values (:name, :nameKey, :protocol, :host, :port, :security, :username, :password,
                    :folder, :pollIntervalSeconds, :enabled, :afterProcessing, :moveToFolder, :maxMessageSizeBytes,
                    :ccTicketCreation, :bccTicketCreation, :filterType, :technicianGroupId, :categoryId,
                    :trustSelfSignedCertificate, :connectTimeoutSeconds, :readTimeoutSeconds, :outgoingServerId,
                    :now, :now)""")
                .params(columns(settings, encryptedPassword, now))
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertLists(id, settings);
        return new IncomingServer(id, settings, encryptedPassword, now, now);
    }

    public void update(long id, IncomingServerSettings settings, String encryptedPassword) {
        Map<String, Object> columns = columns(settings, encryptedPassword, SqlTime.now());
        columns.put("id", id);
        jdbc.sql("""
                update incoming_server set name = :name, name_key = :nameKey, protocol = :protocol, host = :host,
                    port = :port, security = :security, username = :username, password_encrypted = :password,
                    folder = :folder, poll_interval_seconds = :pollIntervalSeconds, enabled = :enabled,
                    after_processing = :afterProcessing, move_to_folder = :moveToFolder,
                    max_message_size_bytes = :maxMessageSizeBytes, cc_ticket_creation = :ccTicketCreation,
                    bcc_ticket_creation = :bccTicketCreation, filter_type = :filterType,
                    technician_group_id = :technicianGroupId, category_id = :categoryId,
                    trust_self_signed_certificate = :trustSelfSignedCertificate,
                    connect_timeout_seconds = :connectTimeoutSeconds, read_timeout_seconds = :readTimeoutSeconds,
                    outgoing_server_id = :outgoingServerId, updated_at = :now
                where id = :id""")
                .params(columns)
                .update();
        for (ListTable list : ListTable.values()) {
            jdbc.sql("delete from " + list.table + " where server_id = :id").param("id", id).update();
        }
        insertLists(id, settings);
    }

    /** Deletes the server with its lists and fetch state; false if there was none. */
    public boolean delete(long id) {
        return jdbc.sql("delete from incoming_server where id = :id").param("id", id).update() > 0;
    }

    /** Names, addresses, prefixes and filter entries are unique case-insensitively, through *_key columns. */
    static String key(String value) {
        return value.trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Object> columns(IncomingServerSettings s, String encryptedPassword, Instant now) {
        Map<String, Object> columns = new HashMap<>();
        columns.put("name", s.name());
        columns.put("nameKey", key(s.name()));
        columns.put("protocol", s.protocol().name());
        columns.put("host", s.host());
        columns.put("port", s.port());
        columns.put("security", s.security().name());
        columns.put("username", s.username());
        columns.put("password", encryptedPassword);
        columns.put("folder", s.folder());
        columns.put("pollIntervalSeconds", s.pollIntervalSeconds());
        columns.put("enabled", s.enabled());
        columns.put("afterProcessing", s.afterProcessing().name());
        columns.put("moveToFolder", s.moveToFolder());
        columns.put("maxMessageSizeBytes", s.maxMessageSizeBytes());
        columns.put("ccTicketCreation", s.ccTicketCreation());
        columns.put("bccTicketCreation", s.bccTicketCreation());
        columns.put("filterType", s.filterType().name());
        columns.put("technicianGroupId", s.technicianGroupId());
        columns.put("categoryId", s.categoryId());
        columns.put("trustSelfSignedCertificate", s.trustSelfSignedCertificate());
        columns.put("connectTimeoutSeconds", s.connectTimeoutSeconds());
        columns.put("readTimeoutSeconds", s.readTimeoutSeconds());
        columns.put("outgoingServerId", s.outgoingServerId());
        columns.put("now", SqlTime.toSql(now));
        return columns;
    }

    private void insertLists(long id, IncomingServerSettings settings) {
        insertList(ListTable.MAILBOXES, id, settings.mailboxAddresses());
        insertList(ListTable.PREFIXES, id, settings.requestIdPrefixes());
        insertList(ListTable.FILTER, id, settings.filterEntries());
    }

    private void insertList(ListTable list, long id, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            jdbc.sql("insert into " + list.table + " (server_id, sort_order, " + list.column + ", " + list.keyColumn
                    + ") values (:id, :order, :value, :key)")
                    .param("id", id)
                    .param("order", i)
                    .param("value", values.get(i))
                    .param("key", key(values.get(i)))
                    .update();
        }
    }

    /** Servers with their lists: one query per list, for one server or for all. */
    private List<IncomingServer> query(String sql, Map<String, Object> params, Long onlyServer) {
        Map<Long, List<String>> mailboxes = lists(ListTable.MAILBOXES, onlyServer);
        Map<Long, List<String>> prefixes = lists(ListTable.PREFIXES, onlyServer);
        Map<Long, List<String>> filter = lists(ListTable.FILTER, onlyServer);
        return jdbc.sql(sql).params(params).query((rs, row) -> {
            long id = rs.getLong("id");
            return map(rs, mailboxes.getOrDefault(id, List.of()), prefixes.getOrDefault(id, List.of()),
                    filter.getOrDefault(id, List.of()));
        }).list();
    }

    private Map<Long, List<String>> lists(ListTable list, Long onlyServer) {
        String where = onlyServer == null ? "" : " where server_id = :id";
        var query = jdbc.sql("select server_id, " + list.column + " from " + list.table + where + " order by server_id, sort_order");
        if (onlyServer != null) {
            query = query.param("id", onlyServer);
        }
        Map<Long, List<String>> byServer = new HashMap<>();
        query.query(rs -> {
            byServer.computeIfAbsent(rs.getLong("server_id"), id -> new ArrayList<>()).add(rs.getString(list.column));
        });
        return byServer;
    }

    private static IncomingServer map(ResultSet rs, List<String> mailboxes, List<String> prefixes, List<String> filter)
            throws SQLException {
        IncomingServerSettings settings = new IncomingServerSettings(
                rs.getString("name"),
                mailboxes,
                MailProtocol.valueOf(rs.getString("protocol")),
                rs.getString("host"),
                rs.getInt("port"),
                MailSecurity.valueOf(rs.getString("security")),
                rs.getString("username"),
                rs.getString("folder"),
                rs.getInt("poll_interval_seconds"),
                rs.getBoolean("enabled"),
                AfterProcessing.valueOf(rs.getString("after_processing")),
                rs.getString("move_to_folder"),
                rs.getLong("max_message_size_bytes"),
                prefixes,
                rs.getBoolean("cc_ticket_creation"),
                rs.getBoolean("bcc_ticket_creation"),
                FilterType.valueOf(rs.getString("filter_type")),
                filter,
                rs.getObject("technician_group_id", Long.class),
                rs.getObject("category_id", Long.class),
                rs.getBoolean("trust_self_signed_certificate"),
                rs.getInt("connect_timeout_seconds"),
                rs.getInt("read_timeout_seconds"),
                rs.getObject("outgoing_server_id", Long.class));
        return new IncomingServer(rs.getLong("id"), settings, rs.getString("password_encrypted"),
                SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "updated_at"));
    }
}
