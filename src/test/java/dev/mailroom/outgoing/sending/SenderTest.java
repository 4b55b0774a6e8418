package dev.mailroom.outgoing.sending;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import dev.mailroom.testing.MailroomTest;

/**
 * The sender's tests share one application (and database) of their own: the background task stays off and each test
 * calls {@link OutboxSender#sendDue()} itself; a retry waits one second, and tests move it to now explicitly.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MailroomTest
@Import(OutboxFixtures.class)
@TestPropertySource(properties = {"mailroom.outgoing.first-backoff=1s", "mailroom.outgoing.max-backoff=2s"})
@interface SenderTest {
}
