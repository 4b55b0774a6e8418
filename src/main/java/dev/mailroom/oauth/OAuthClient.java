package dev.mailroom.oauth;

import java.time.Instant;
import java.util.List;

/** A server's saved OAuth 2.0 configuration and tokens. Secrets are held only encrypted. */
public record OAuthClient(OAuthServerRef server, OAuthSettings settings, String encryptedClientSecret, TokenState tokens,
        List<String> auditedWarnings, Instant createdAt, Instant updatedAt) {

    public OAuthClient {
        auditedWarnings = List.copyOf(auditedWarnings);
    }

    public boolean clientSecretSet() {
        return encryptedClientSecret != null;
    }

    @Override
    public String toString() {
        return "OAuthClient[" + server + ", clientId=" + settings.clientId() + ", tokenUrl=" + settings.tokenUrl() + "]";
    }
}
