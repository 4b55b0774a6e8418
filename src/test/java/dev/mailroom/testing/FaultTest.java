package dev.mailroom.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * The fault suite (JUnit tag {@code faults}): a mail server, an SMTP server, the database or the disk failing under a
 * working node, and how it is noticed, told and survived with nothing lost. Part of {@code ./mvnw test}; alone:
 * {@code ./mvnw test -Dgroups=faults}. Each class stays in its feature's package, next to the code it tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@Tag(FaultTest.TAG)
public @interface FaultTest {

    String TAG = "faults";
}
