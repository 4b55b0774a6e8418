package dev.mailroom.incoming;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

import dev.mailroom.testing.JsonBodies;

/** Request bodies and rows for incoming server tests. */
final class IncomingServers {

    static final String PASSWORD = "Sup3r-Secret-Mailbox-Pw";

    private IncomingServers() {
    }

    /** A valid IMAPS server; tests change what they are about. */
    static Map<String, Object> imaps(String name, String address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("mailboxAddresses", List.of(address));
        body.put("protocol", "IMAP");
        body.put("host", "imap.example.com");
        body.put("port", 993);
        body.put("security", "SSL_TLS");
        body.put("username", address);
        body.put("password", PASSWORD);
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, Object... keysAndValues) {
        return JsonBodies.with(body, keysAndValues);
    }

    static long lookup(JdbcClient jdbc, String table, String name) {
        jdbc.sql("insert into " + table + " (name, name_key, created_at) values (:name, :key, :now)")
                .param("name", name)
                .param("key", name.toLowerCase())
                .param("now", Instant.now().atOffset(ZoneOffset.UTC))
                .update();
        return jdbc.sql("select id from " + table + " where name_key = :key").param("key", name.toLowerCase())
                .query(Long.class).single();
    }

    static String storedPassword(JdbcClient jdbc, long id) {
        return jdbc.sql("select password_encrypted from incoming_server where id = :id").param("id", id)
                .query(String.class).single();
    }
}
