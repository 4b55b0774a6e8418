package dev.mailroom.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code mailroom.security.sign-in.*}: after {@code max-failures} failed sign-ins in a row for one account, or from one
 * client address, sign-ins for it are refused for {@code lock-time}, even with the right password.
 */
@ConfigurationProperties("mailroom.security.sign-in")
public record SignInProperties(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration lockTime) {
}
