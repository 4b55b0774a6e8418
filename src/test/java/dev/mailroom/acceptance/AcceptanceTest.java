package dev.mailroom.acceptance;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import dev.mailroom.testing.Api;

/**
 * The whole application (like {@code @MailroomTest}) against the real servers of {@link AcceptanceServers}, trusting
 * their self-signed certificate explicitly. Skipped where the servers are not set up. Polling stays off: tests drive
 * each poll, while the intake worker runs as in production.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("acceptance")
@ExtendWith(AcceptanceServers.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@Import({Api.class, AcceptanceConfiguration.class})
public @interface AcceptanceTest {
}
