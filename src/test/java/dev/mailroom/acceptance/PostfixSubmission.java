package dev.mailroom.acceptance;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/** The desk's outgoing server on the acceptance Postfix, as an admin saves it: submission 587, STARTTLS, AUTH. */
final class PostfixSubmission {

    private PostfixSubmission() {
    }

    /** The body of {@code POST /api/outgoing-servers}, signing in as the desk mailbox's user with {@code password}. */
    static Map<String, Object> outgoingServer(AcceptanceServers servers, DovecotMailbox desk, String password) {
        Map<String, Object> server = new LinkedHashMap<>();
        server.put("name", "Postfix submission " + UUID.randomUUID());
        server.put("host", servers.host());
        server.put("port", servers.port("submission"));
        server.put("security", "STARTTLS");
        server.put("authentication", "PASSWORD");
        server.put("username", desk.user());
        server.put("password", password);
        server.put("fromAddress", desk.address());
        server.put("fromName", "IT Service Desk");
        server.put("replyToAddress", desk.address());
        server.put("connectTimeoutSeconds", 5);
        server.put("readTimeoutSeconds", 30);
        return server;
    }
}
