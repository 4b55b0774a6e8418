package dev.mailroom.outgoing;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Request bodies for outgoing server tests. */
final class OutgoingServers {

    static final String PASSWORD = "Sup3r-Secret-Smtp-Pw";

    private OutgoingServers() {
    }

    /** A valid server on 587 with STARTTLS and a password; tests change what they are about. */
    static Map<String, Object> submission(String name) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("host", "smtp.example.com");
        body.put("authentication", "PASSWORD");
        body.put("username", "desk@example.com");
        body.put("password", PASSWORD);
        body.put("fromAddress", "desk@example.com");
        body.put("fromName", "Service Desk");
        body.put("replyToAddress", "desk@example.com");
        return body;
    }

    static String storedPassword(JdbcClient jdbc, long id) {
        return jdbc.sql("select password_encrypted from outgoing_server where id = :id").param("id", id)
                .query(String.class).single();
    }
}
