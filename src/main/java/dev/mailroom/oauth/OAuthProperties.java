package dev.mailroom.oauth;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mailroom.oauth.*}: how long the token endpoint may take, how early an access token is renewed, and when to warn
 * before a server's OAuth sign-in breaks.
 *
 * @param connectTimeout          connecting to a token endpoint
 * @param readTimeout             its answer; a slow provider delays only its own servers
 * @param renewBefore             an access token this close to its expiry is renewed before use
 * @param refreshTokenUnusedWarning a refresh token unused this long is warned about (Microsoft drops one after 90 days)
 * @param secretExpiryWarning     a Client Secret expiring within this is warned about
 * @param warningRecipients       addresses that get the warnings by email (through the outbox), if any
 * @param authorizationValidity   how long an authorization may take from start to callback
 * @param warningInterval         how often the warnings are checked
 */
@ConfigurationProperties("mailroom.oauth")
public record OAuthProperties(
        @DefaultValue("5s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("2m") Duration renewBefore,
        @DefaultValue("60d") Duration refreshTokenUnusedWarning,
        @DefaultValue("14d") Duration secretExpiryWarning,
        @DefaultValue List<String> warningRecipients,
        @DefaultValue("15m") Duration authorizationValidity,
        @DefaultValue("1h") Duration warningInterval) {
}
