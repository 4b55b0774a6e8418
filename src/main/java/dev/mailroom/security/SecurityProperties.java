package dev.mailroom.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code mailroom.security.admin-password} (or MAILROOM_SECURITY_ADMIN_PASSWORD / MAILROOM_ADMIN_PASSWORD). */
@ConfigurationProperties("mailroom.security")
public record SecurityProperties(String adminPassword) {
}
