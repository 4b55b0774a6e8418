package dev.mailroom.notifications;

import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

/** The same notifications and suppressions on PostgreSQL (V10, the quarantine and suppression look-ups). */
@MailroomTest
@OnPostgres
class TicketNotificationsPostgresTest extends TicketNotificationsTest {
}
