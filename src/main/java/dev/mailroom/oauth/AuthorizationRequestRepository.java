package dev.mailroom.oauth;

import java.time.Instant;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

/** Authorizations started and not yet completed ({@code oauth_authorization_request}); each is taken once. */
@Repository
class AuthorizationRequestRepository {

    record Pending(OAuthServerRef server, String encryptedCodeVerifier, String requestedBy, Instant expiresAt) {
    }

    private final JdbcClient jdbc;

    AuthorizationRequestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(String stateHash, OAuthServerRef server, String encryptedCodeVerifier, String requestedBy, Instant now,
            Instant expiresAt) {
        jdbc.sql("delete from oauth_authorization_request where expires_at < :now").param("now", SqlTime.toSql(now)).update();
        jdbc.sql("""
                insert into oauth_authorization_request (state_hash, server_kind, server_id, code_verifier_encrypted,
                    requested_by, created_at, expires_at)
                values (:state, :kind, :id, :verifier, :by, :now, :expiresAt)""")
                .param("state", stateHash).param("kind", server.kind().name()).param("id", server.serverId())
                .param("verifier", encryptedCodeVerifier).param("by", requestedBy).param("now", SqlTime.toSql(now))
                .param("expiresAt", SqlTime.toSql(expiresAt)).update();
    }

    /** The pending authorization of this state, removed so it cannot be used twice; empty if unknown or taken. */
    Optional<Pending> take(String stateHash) {
        Optional<Pending> pending = jdbc.sql("select * from oauth_authorization_request where state_hash = :state")
                .param("state", stateHash)
                .query((rs, row) -> new Pending(new OAuthServerRef(ServerKind.valueOf(rs.getString("server_kind")),
                        rs.getLong("server_id")), rs.getString("code_verifier_encrypted"), rs.getString("requested_by"),
                        SqlTime.instant(rs, "expires_at")))
                .optional();
        boolean taken = jdbc.sql("delete from oauth_authorization_request where state_hash = :state")
                .param("state", stateHash).update() == 1;
        return taken ? pending : Optional.empty();
    }
}
