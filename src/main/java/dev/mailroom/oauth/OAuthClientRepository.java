package dev.mailroom.oauth;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import dev.mailroom.platform.SqlTime;

/** The {@code oauth_client} rows: one per server that signs in with OAuth 2.0. */
@Repository
class OAuthClientRepository {

    private static final String WARNING_SEPARATOR = "\n";

    private final JdbcClient jdbc;

    OAuthClientRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OAuthClient> find(OAuthServerRef server) {
        return jdbc.sql("select * from oauth_client where server_kind = :kind and server_id = :id")
                .param("kind", server.kind().name()).param("id", server.serverId())
                .query(OAuthClientRepository::map).optional();
    }

    List<OAuthClient> findAll() {
        return jdbc.sql("select * from oauth_client order by server_kind, server_id").query(OAuthClientRepository::map).list();
    }

    /** New settings; the tokens are kept only when {@code keepTokens} (the same client at the same provider). */
    void save(OAuthServerRef server, OAuthSettings settings, String encryptedClientSecret, boolean keepTokens) {
        Instant now = SqlTime.now();
        int updated = jdbc.sql("""
                update oauth_client set provider = :provider, grant_type = :grantType, client_id = :clientId,
                    client_secret_encrypted = :secret, client_secret_expires_on = :secretExpiresOn,
                    authorization_url = :authorizationUrl, token_url = :tokenUrl, scope = :scope,
                    redirect_url = :redirectUrl, updated_at = :now
                where server_kind = :kind and server_id = :id""")
                .params(settingsParams(server, settings, encryptedClientSecret, now)).update();
        if (updated == 0) {
            jdbc.sql("""
                    insert into oauth_client (server_kind, server_id, provider, grant_type, client_id,
                        client_secret_encrypted, client_secret_expires_on, authorization_url, token_url, scope,
                        redirect_url, reauthorization_needed, created_at, updated_at)
                    values (:kind, :id, :provider, :grantType, :clientId, :secret, :secretExpiresOn, :authorizationUrl,
                        :tokenUrl, :scope, :redirectUrl, false, :now, :now)""")
                    .params(settingsParams(server, settings, encryptedClientSecret, now)).update();
        } else if (!keepTokens) {
            forgetTokens(server);
        }
    }

    private static java.util.Map<String, Object> settingsParams(OAuthServerRef server, OAuthSettings s, String secret,
            Instant now) {
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("kind", server.kind().name());
        params.put("id", server.serverId());
        params.put("provider", s.provider().name());
        params.put("grantType", s.grantType().name());
        params.put("clientId", s.clientId());
        params.put("secret", secret);
        params.put("secretExpiresOn", s.clientSecretExpiresOn() == null ? null : Date.valueOf(s.clientSecretExpiresOn()));
        params.put("authorizationUrl", s.authorizationUrl());
        params.put("tokenUrl", s.tokenUrl());
        params.put("scope", s.scope());
        params.put("redirectUrl", s.redirectUrl());
        params.put("now", SqlTime.toSql(now));
        return params;
    }

    private void forgetTokens(OAuthServerRef server) {
        jdbc.sql("""
                update oauth_client set access_token_encrypted = null, access_token_expires_at = null,
                    refresh_token_encrypted = null, refresh_token_used_at = null, authorized_at = null,
                    authorized_by = null, last_refresh_at = null, last_refresh_failed_at = null, last_refresh_error = null,
                    reauthorization_needed = false, reauthorization_reason = null
                where server_kind = :kind and server_id = :id""")
                .param("kind", server.kind().name()).param("id", server.serverId()).update();
    }

    /** Tokens from an authorization: a fresh start, every failure and the re-authorization flag cleared. */
    void authorized(OAuthServerRef server, IssuedTokens tokens, String encryptedAccess, String encryptedRefresh,
            String by) {
        Instant now = SqlTime.now();
        jdbc.sql("""
                update oauth_client set access_token_encrypted = :access, access_token_expires_at = :expiresAt,
                    refresh_token_encrypted = :refresh, refresh_token_used_at = :usedAt, authorized_at = :now,
                    authorized_by = :by, last_refresh_at = :now, last_refresh_failed_at = null, last_refresh_error = null,
                    reauthorization_needed = false, reauthorization_reason = null, updated_at = :now
                where server_kind = :kind and server_id = :id""")
                .param("access", encryptedAccess).param("expiresAt", SqlTime.toSql(tokens.expiresAt()))
                .param("refresh", encryptedRefresh).param("usedAt", encryptedRefresh == null ? null : SqlTime.toSql(now))
                .param("now", SqlTime.toSql(now)).param("by", by)
                .param("kind", server.kind().name()).param("id", server.serverId()).update();
    }

    /** A refresh that worked: the new access token and the refresh token to use next time (rotated or the same). */
    void refreshed(OAuthServerRef server, IssuedTokens tokens, String encryptedAccess, String encryptedRefresh) {
        Instant now = SqlTime.now();
        jdbc.sql("""
                update oauth_client set access_token_encrypted = :access, access_token_expires_at = :expiresAt,
                    refresh_token_encrypted = :refresh,
                    refresh_token_used_at = :usedAt,
                    last_refresh_at = :now, last_refresh_error = null, reauthorization_needed = false,
                    reauthorization_reason = null, updated_at = :now
                where server_kind = :kind and server_id = :id""")
                .param("access", encryptedAccess).param("expiresAt", SqlTime.toSql(tokens.expiresAt()))
                .param("refresh", encryptedRefresh).param("usedAt", encryptedRefresh == null ? null : SqlTime.toSql(now))
                .param("now", SqlTime.toSql(now))
                .param("kind", server.kind().name()).param("id", server.serverId()).update();
    }

    /** A refresh that failed; {@code reauthorizationReason} non-null when only a new authorization can help. */
    void refreshFailed(OAuthServerRef server, String error, String reauthorizationReason) {
        Instant now = SqlTime.now();
        jdbc.sql("""
                update oauth_client set last_refresh_failed_at = :now, last_refresh_error = :error,
                    reauthorization_needed = :needed, reauthorization_reason = :reason, updated_at = :now
                where server_kind = :kind and server_id = :id""")
                .param("now", SqlTime.toSql(now)).param("error", error)
                .param("needed", reauthorizationReason != null).param("reason", reauthorizationReason)
                .param("kind", server.kind().name()).param("id", server.serverId()).update();
    }

    void auditedWarnings(OAuthServerRef server, List<String> warnings) {
        jdbc.sql("update oauth_client set warnings = :warnings where server_kind = :kind and server_id = :id")
                .param("warnings", warnings.isEmpty() ? null : String.join(WARNING_SEPARATOR, warnings))
                .param("kind", server.kind().name()).param("id", server.serverId()).update();
    }

    boolean delete(OAuthServerRef server) {
        return jdbc.sql("delete from oauth_client where server_kind = :kind and server_id = :id")
                .param("kind", server.kind().name()).param("id", server.serverId()).update() > 0;
    }

    private static OAuthClient map(ResultSet rs, int row) throws SQLException {
        Date expiresOn = rs.getDate("client_secret_expires_on");
        OAuthSettings settings = new OAuthSettings(OAuthPreset.valueOf(rs.getString("provider")),
                GrantType.valueOf(rs.getString("grant_type")), rs.getString("client_id"),
                rs.getString("authorization_url"), rs.getString("token_url"), rs.getString("scope"),
                rs.getString("redirect_url"), expiresOn == null ? null : expiresOn.toLocalDate());
        TokenState tokens = new TokenState(rs.getString("access_token_encrypted"),
                SqlTime.instant(rs, "access_token_expires_at"), rs.getString("refresh_token_encrypted"),
                SqlTime.instant(rs, "refresh_token_used_at"), SqlTime.instant(rs, "authorized_at"),
                rs.getString("authorized_by"), SqlTime.instant(rs, "last_refresh_at"),
                SqlTime.instant(rs, "last_refresh_failed_at"), rs.getString("last_refresh_error"),
                rs.getBoolean("reauthorization_needed"), rs.getString("reauthorization_reason"));
        String warnings = rs.getString("warnings");
        return new OAuthClient(new OAuthServerRef(ServerKind.valueOf(rs.getString("server_kind")), rs.getLong("server_id")),
                settings, rs.getString("client_secret_encrypted"), tokens,
                warnings == null ? List.of() : Arrays.asList(warnings.split(WARNING_SEPARATOR)),
                SqlTime.instant(rs, "created_at"), SqlTime.instant(rs, "updated_at"));
    }
}
