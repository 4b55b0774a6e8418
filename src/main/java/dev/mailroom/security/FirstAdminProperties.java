package dev.mailroom.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code mailroom.admin.password}, or the environment variable MAILROOM_ADMIN_PASSWORD: the first admin's password. */
@ConfigurationProperties("mailroom.admin")
public record FirstAdminProperties(String password) {
}
