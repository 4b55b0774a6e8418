package dev.mailroom.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.ContextConfiguration;

/**
 * Runs a {@link MailroomTest} on a fresh PostgreSQL database instead of H2: an embedded PostgreSQL started once per
 * JVM, or the server named by {@code MAILROOM_TEST_PG_URL} (with MAILROOM_TEST_PG_USER / MAILROOM_TEST_PG_PASSWORD).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@ContextConfiguration(initializers = PostgresDatabases.class)
public @interface OnPostgres {
}
