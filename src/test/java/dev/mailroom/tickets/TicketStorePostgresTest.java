package dev.mailroom.tickets;

import dev.mailroom.testing.MailroomTest;
import dev.mailroom.testing.OnPostgres;

@MailroomTest
@OnPostgres
class TicketStorePostgresTest extends AbstractTicketStoreTest {
}
