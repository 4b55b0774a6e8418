package dev.mailroom.intake.loops;

import org.springframework.test.context.TestPropertySource;

import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

/** The same counting and quarantine queries on PostgreSQL. */
@MailroomTest
@OnPostgres
@TestPropertySource(properties = {"mailroom.intake.loop.max-emails=3", "mailroom.intake.loop.window=10m"})
class LoopCountingPostgresTest extends LoopCountingTest {
}
