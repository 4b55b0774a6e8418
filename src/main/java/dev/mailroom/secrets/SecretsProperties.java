package dev.mailroom.secrets;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code mailroom.secrets.key}: base64 of the 32-byte AES key that encrypts stored secrets (or
 * MAILROOM_SECRETS_KEY). When it is empty, the key file {@code <dataDir>/secret.key} is used, created on first start.
 * Several nodes sharing one database must share this key, so set it explicitly there.
 */
@ConfigurationProperties("mailroom.secrets")
public record SecretsProperties(String key) {

    public boolean configured() {
        return key != null && !key.isBlank();
    }
}
