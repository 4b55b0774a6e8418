package dev.mailroom.console;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

import dev.mailroom.intake.IntakeHarness;
import dev.mailroom.testing.MailroomTest;

/**
 * The whole application on a random port (for the browser) with MockMvc and {@link AdminPages} (for page tests) and the
 * intake harness (for real audit entries); one annotation, so every console test shares one Spring context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@MailroomTest
@AutoConfigureMockMvc
@Import({IntakeHarness.class, AdminPages.class})
public @interface ConsoleTest {
}
